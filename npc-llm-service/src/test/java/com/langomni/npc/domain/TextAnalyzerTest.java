package com.langomni.npc.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextAnalyzerTest {
    private final TextAnalyzer analyzer = new TextAnalyzer();

    @ParameterizedTest
    @CsvSource({"swords,sword", "sword,sword", "wolves,wolf", "wolf,wolf", "herbs,herb", "berries,berry",
            "forged,forg", "forge,forg", "running,run", "hunting,hunt", "boxes,box", "knives,knif", "knife,knif",
            "glass,glass", "smelled,smell", "ore,ore"})
    void stemsPluralsAndVerbFormsTogether(String word, String stem) {
        assertEquals(stem, TextAnalyzer.stem(word));
    }

    @Test
    void dropsStopwordsPunctuationAndQuestionWrappers() {
        assertEquals(List.of("sword"), analyzer.terms("Tell me about the swords, please!"));
        assertEquals(List.of("old", "mine"), analyzer.terms("What do you know of the old mine?"));
        assertEquals(List.of(), analyzer.terms("   "));
        assertEquals(List.of(), analyzer.terms(null));
    }

    @Test
    void recognisesGreetingsButNotQuestionsThatStartWithOne() {
        Set<String> brann = Set.of("brann");
        assertTrue(analyzer.isGreeting("hello", brann));
        assertTrue(analyzer.isGreeting("Hi there, Brann!", brann));
        assertTrue(analyzer.isGreeting("good morning", brann));
        assertFalse(analyzer.isGreeting("hello, tell me about swords", brann));
        assertFalse(analyzer.isGreeting("talk to Brann", brann), "no greeting word at all");
        assertFalse(analyzer.isGreeting("", brann));
    }
}
