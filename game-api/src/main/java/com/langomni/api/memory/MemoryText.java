package com.langomni.api.memory;

/** One memory handed in for reflection: its id (quoted back as evidence) and its text. */
public record MemoryText(String id, String text) {
}
