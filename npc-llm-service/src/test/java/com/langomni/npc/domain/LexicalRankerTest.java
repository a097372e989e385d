package com.langomni.npc.domain;

import static com.langomni.npc.domain.Knowledge.BRANN;
import static com.langomni.npc.domain.Knowledge.HERBS;
import static com.langomni.npc.domain.Knowledge.SWORD;
import static com.langomni.npc.domain.Knowledge.WOLVES;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class LexicalRankerTest {
    private final TextAnalyzer analyzer = new TextAnalyzer();
    private final LexicalRanker ranker = new LexicalRanker(analyzer);

    private ScoredLine best(String question, List<String> lines) {
        return ranker.rank(analyzer.terms(question), lines).best().orElseThrow();
    }

    @Test
    void picksTheLineAboutWhatWasAsked() {
        assertEquals(SWORD, best("swords", BRANN).text());
        assertEquals(HERBS, best("which herb stops bleeding?", BRANN).text());
        assertEquals(WOLVES, best("are there wolves about?", BRANN).text());
    }

    @Test
    void ranksEveryLineBestFirstWithItsOriginalIndex() {
        Ranking ranking = ranker.rank(analyzer.terms("wolves"), BRANN);
        assertEquals(Ranking.Method.LEXICAL, ranking.method());
        assertEquals(BRANN.size(), ranking.lines().size());
        assertEquals(2, ranking.lines().get(0).index());
        for (int i = 1; i < ranking.lines().size(); i++) {
            assertTrue(ranking.lines().get(i - 1).score() >= ranking.lines().get(i).score());
        }
    }

    @Test
    void aRareWordOutweighsOneEveryLineShares() {
        List<String> lines = List.of("The river runs past the mill.", "The river floods in spring.",
                "The river hides an old silver ring.");
        assertEquals(2, best("river silver", lines).index());
    }

    @Test
    void nothingInCommonScoresZero() {
        assertEquals(0.0, best("dragons", BRANN).score());
    }

    @Test
    void aSingleLineStillMatchesAboveTheDefaultThreshold() {
        assertTrue(best("sword", List.of(SWORD)).score() >= 0.2);
    }
}
