package com.langomni.simulator.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class StructuredChoiceTest {

    private static final List<String> OPTIONS = List.of("look", "go north", "go east", "take rusty lantern",
            "talk to pip", "attack grey wolf", "none");

    @Test
    void mostSharedWordsWin() {
        assertEquals("take rusty lantern", StructuredChoice.choose("I'd like that rusty old lantern", OPTIONS));
        assertEquals("attack grey wolf", StructuredChoice.choose("kill the wolf!", OPTIONS));
        assertEquals("go east", StructuredChoice.choose("wander off toward the east", OPTIONS));
    }

    @Test
    void wordsMatchByTheirFirstFourLetters() {
        assertEquals("take rusty lantern", StructuredChoice.choose("lanterns are pretty", OPTIONS));
    }

    @Test
    void noOverlapIsNoneAndTheSameTextTheSameChoice() {
        assertEquals("none", StructuredChoice.choose("sing a song of sixpence", OPTIONS));
        assertEquals("none", StructuredChoice.choose("", OPTIONS));
        assertEquals(StructuredChoice.choose("go to pip", OPTIONS), StructuredChoice.choose("go to pip", OPTIONS));
    }

    @Test
    void withoutNoneTheFirstOptionIsTheFallback() {
        assertEquals("look", StructuredChoice.choose("xyzzy", List.of("look", "go north")));
    }
}
