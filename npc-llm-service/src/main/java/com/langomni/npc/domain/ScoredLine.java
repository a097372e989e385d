package com.langomni.npc.domain;

/** One knowledge line with its relevance to a question; {@code index} is its position in the NPC's knowledge. */
public record ScoredLine(int index, String text, double score) {
}
