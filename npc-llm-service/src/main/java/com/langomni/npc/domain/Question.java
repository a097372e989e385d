package com.langomni.npc.domain;

import java.util.List;

/**
 * What the player asked an NPC about: the text for semantic ranking and its terms for lexical ranking.
 * Player text is data to rank against, never instructions; it is never repeated back.
 */
public record Question(String text, List<String> terms) {
    public Question {
        terms = List.copyOf(terms);
    }
}
