package com.langomni.memory.domain;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImportanceHeuristicTest {

    private final ImportanceHeuristic heuristic = new ImportanceHeuristic();

    @Test
    void mundaneTextIsLow() {
        assertEquals(1, heuristic.score("said hello"));
        assertEquals(2, heuristic.score("The player walked into the tavern and looked around"));
        assertEquals(1, heuristic.score("   "));
        assertEquals(1, heuristic.score(null));
    }

    @Test
    void theStrongestKeywordSetsTheLevel() {
        assertEquals(9, heuristic.score("My brother died in the mines"));
        assertEquals(7, heuristic.score("A stranger attacked me at the gate"));
        assertEquals(5, heuristic.score("The player gave me a sword"));
        assertEquals(5, heuristic.score("I promised to find the lost ring"));
        assertEquals(3, heuristic.score("The player bought some bread"));
    }

    @Test
    void matchingIgnoresCaseAndPunctuation() {
        assertEquals(9, heuristic.score("BETRAYAL! The captain ran off."));
    }

    @Test
    void moreKeywordsAndLengthRaiseTheScoreUpToTen() {
        assertEquals(6, heuristic.score("The player gave me a gift"));
        assertEquals(7, heuristic.score("The player gave me a gift and a promise"));
        assertEquals(7, heuristic.score("The player gave me a gift, a promise and a secret"), "at most +2 for extras");
        String longMundane = "The player ".repeat(20) + "stood there";
        assertTrue(longMundane.length() >= ImportanceHeuristic.LONG_TEXT);
        assertEquals(3, heuristic.score(longMundane));
        String everything = "They killed my father, betrayed the guild and attacked the village. " + "x".repeat(120);
        assertEquals(10, heuristic.score(everything));
    }
}
