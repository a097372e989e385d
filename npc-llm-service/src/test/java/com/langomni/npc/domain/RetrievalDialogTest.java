package com.langomni.npc.domain;

import static com.langomni.npc.domain.Knowledge.BRANN;
import static com.langomni.npc.domain.Knowledge.MINE;
import static com.langomni.npc.domain.Knowledge.SWORD;
import static com.langomni.npc.domain.Knowledge.ask;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.langomni.api.npc.NpcReplyRequest;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetrievalDialogTest {
    private final RetrievalDialog dialog = new RetrievalDialog(0.35, 0.2);

    private Optional<String> chosen(Ranking ranking, String question) {
        Question q = dialog.question(ask(question, null)).orElseThrow();
        return dialog.choose(ranking, q, BRANN).map(ScoredLine::text);
    }

    @Test
    void theTopicWinsOverThePlayersWholeSentence() {
        Question q = dialog.question(ask("sword", "ask brann about the sword and the wolves")).orElseThrow();
        assertEquals("sword", q.text());
        assertEquals(List.of("sword"), q.terms());
    }

    @Test
    void withoutATopicThePlayersWordsAreTheQuestion() {
        Question q = dialog.question(ask(null, "Brann, what about wolves?")).orElseThrow();
        assertEquals(List.of("wolf"), q.terms(), "the NPC's own name is not part of the question");
    }

    @Test
    void greetingsAndEmptyTalkAreNoQuestion() {
        assertTrue(dialog.question(ask(null, "hello")).isEmpty());
        assertTrue(dialog.question(ask("hi", "say hi to brann")).isEmpty());
        assertTrue(dialog.question(ask(null, "talk to Brann")).isEmpty());
        assertTrue(dialog.question(ask(null, null)).isEmpty());
        assertTrue(dialog.question(new NpcReplyRequest("x", "X", null, null, null, null, null, "swords", null, null, List.of()))
                .isEmpty(), "an NPC without knowledge has nothing to look up");
    }

    @Test
    void aSemanticMatchAboveTheThresholdIsSaid() {
        Ranking semantic = new Ranking(Ranking.Method.SEMANTIC, List.of(new ScoredLine(0, SWORD, 0.53),
                new ScoredLine(1, BRANN.get(1), 0.2)));
        assertEquals(Optional.of(SWORD), chosen(semantic, "blade"));
    }

    @Test
    void aWeakSemanticMatchGetsAnExactWordSecondOpinion() {
        Ranking unsure = new Ranking(Ranking.Method.SEMANTIC, List.of(new ScoredLine(5, BRANN.get(5), 0.28)));
        assertEquals(Optional.of(MINE), chosen(unsure, "mine"));
    }

    @Test
    void nothingRelevantMeansNothingToSay() {
        Ranking weak = new Ranking(Ranking.Method.SEMANTIC, List.of(new ScoredLine(3, BRANN.get(3), 0.24)));
        assertTrue(chosen(weak, "dragons").isEmpty());
        Question q = dialog.question(ask("dragons", null)).orElseThrow();
        assertTrue(dialog.choose(dialog.rankLexically(q, BRANN), q, BRANN).isEmpty());
    }

    @Test
    void lexicalRankingAnswersAboutSwords() {
        Question q = dialog.question(ask(null, "Can you tell me about swords?")).orElseThrow();
        assertEquals(Optional.of(SWORD), dialog.choose(dialog.rankLexically(q, BRANN), q, BRANN).map(ScoredLine::text));
    }
}
