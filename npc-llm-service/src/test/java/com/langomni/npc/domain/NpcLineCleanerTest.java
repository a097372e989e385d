package com.langomni.npc.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NpcLineCleanerTest {
    private final NpcLineCleaner cleaner = new NpcLineCleaner(120);

    @Test
    void speakerPrefixesAndQuotesComeOff() {
        assertEquals("Folded steel, never rushed.", cleaner.clean("Brann: \"Folded steel, never rushed.\"", "Brann"));
        assertEquals("Folded steel.", cleaner.clean("brann says, “Folded steel.”", "Brann"));
        assertEquals("Folded steel.", cleaner.clean("**Brann:** Folded steel.", "Brann"));
        assertEquals("Folded steel.", cleaner.clean("  \"Folded steel.\"\n", "Brann"));
        assertEquals("Folded steel", cleaner.clean("\"Folded steel", "Brann"), "a quote cut off by max tokens");
    }

    @Test
    void stageDirectionsAndLineBreaksGo() {
        assertEquals("Hm. Folded steel.", cleaner.clean("*wipes his hands* Hm.\nFolded steel.", "Brann"));
        assertEquals("Aye.", cleaner.clean("(nods) Aye.", "Brann"));
    }

    @Test
    void innerDoubleQuotesBecomeSingleSoTheCallersQuotesHold() {
        assertEquals("They call it 'the Widow'.", cleaner.clean("They call it \"the Widow\".", "Brann"));
    }

    @Test
    void aNameInsideTheSentenceStays() {
        assertEquals("Ask Brann: he knows.", cleaner.clean("Ask Brann: he knows.", "Brann"));
    }

    @Test
    void longLinesAreCutAtASentenceEnd() {
        String s = "The first sentence is long enough to keep. " + "word ".repeat(40);
        assertEquals("The first sentence is long enough to keep.", cleaner.clean(s, "Brann"));
        String noStop = "word ".repeat(40);
        String cut = cleaner.clean(noStop, "Brann");
        assertTrue(cut.length() <= 121 && cut.endsWith("…"), cut);
    }

    @Test
    void nothingUsableIsEmpty() {
        assertEquals("", cleaner.clean(null, "Brann"));
        assertEquals("", cleaner.clean("  \n ", "Brann"));
        assertEquals("", cleaner.clean("Brann: \"\"", "Brann"));
    }
}
