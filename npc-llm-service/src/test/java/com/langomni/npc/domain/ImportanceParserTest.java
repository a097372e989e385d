package com.langomni.npc.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class ImportanceParserTest {

    private static void reads(int expected, String answer) {
        assertEquals(OptionalInt.of(expected), ImportanceParser.parse(answer), answer);
    }

    private static void refuses(String answer) {
        assertEquals(OptionalInt.empty(), ImportanceParser.parse(answer), answer);
    }

    @Test
    void aBareNumberIsTheRating() {
        reads(7, "7");
        reads(10, " 10\n");
        reads(1, "1.");
    }

    @Test
    void theWordsModelsWrapItInAreIgnored() {
        reads(7, "Rating: 7");
        reads(8, "**8**");
        reads(6, "6/10. Yes, 6/10");
        reads(4, "4 out of 10");
        reads(6, "On a scale of 1 to 10, this is a 6.");
        reads(3, "From 1-10 I'd say 3");
        reads(9, "Nine.");
        reads(8, "7.5");
    }

    @Test
    void anythingElseIsNoRating() {
        refuses(null);
        refuses("   ");
        refuses("The old gate slowly opens, and the wind sings"); // what the simulator says
        refuses("3 or 4");
        refuses("7/10? No: 6/10");
        refuses("0");
        refuses("11");
        refuses("15/10");
        refuses("Rating: 12345678901234567890");
        refuses("seven or eight");
    }
}
