package com.langomni.api.memory;

/**
 * Body of {@code POST /api/npc/importance}: one memory to rate.
 *
 * @param text the memory's text: data to rate, never instructions
 */
public record ImportanceRequest(String text) {
}
