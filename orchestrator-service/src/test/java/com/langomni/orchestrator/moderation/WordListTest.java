package com.langomni.orchestrator.moderation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The built-in check: whole words after folding, so trivial disguises do not pass and innocent words do. */
class WordListTest {

    private final WordList list = new WordList(List.of("badword", "Kill Yourself"), List.of("\\bz+a+p+\\b"));

    @Test
    void aListedWordIsFlaggedWhateverItsCase() {
        Verdict verdict = list.check("you are a BadWord, friend");
        assertTrue(verdict.flagged());
        assertEquals(List.of("words"), verdict.categories());
        assertEquals(Verdict.WORDS, verdict.checker());
    }

    @Test
    void zeroWidthCharactersFullwidthLettersAccentsAndLookAlikesDoNotHideAWord() {
        assertTrue(list.check("bad\u200Bword").flagged(), "zero-width space");
        assertTrue(list.check("bad\u00ADwo\u200Drd").flagged(), "soft hyphen, zero-width joiner");
        assertTrue(list.check("\uFF42\uFF41\uFF44\uFF57\uFF4F\uFF52\uFF44").flagged(), "fullwidth letters");
        assertTrue(list.check("b\u00E1dw\u00F6rd").flagged(), "accents");
        assertTrue(list.check("b4dw0rd").flagged(), "look-alike digits");
        assertTrue(list.check("\uD835\uDC1B\uD835\uDC1A\uD835\uDC1D\uD835\uDC30\uD835\uDC28\uD835\uDC2B\uD835\uDC1D")
                .flagged(), "mathematical bold letters");
    }

    @Test
    void aPhraseMatchesAcrossAnyPunctuationAndSpacing() {
        assertTrue(list.check("just... kill   yourself!").flagged());
        assertTrue(list.check("kill-yourself").flagged());
    }

    @Test
    void aWordInsideAnotherWordIsNotFlagged() {
        assertFalse(list.check("badwords are not listed, and neither is notabadword").flagged());
        assertFalse(list.check("the smith sells swords").flagged());
    }

    @Test
    void aPatternIsMatchedOnTheFoldedText() {
        Verdict verdict = list.check("ZZAAAP!");
        assertTrue(verdict.flagged());
        assertEquals(List.of("pattern"), verdict.categories());
        assertFalse(list.check("zapper").flagged());
    }

    @Test
    void emptyAndNullTextIsClear() {
        assertFalse(list.check("").flagged());
        assertFalse(list.check(null).flagged());
    }

    @Test
    void aPatternThatDoesNotCompileIsNamedAtStart() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new WordList(List.of(), List.of("(unclosed")));
        assertTrue(e.getMessage().contains("(unclosed"), e.getMessage());
    }
}
