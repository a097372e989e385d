package com.langomni.npc.domain;

import static com.langomni.npc.domain.Knowledge.BRANN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.langomni.api.npc.NpcReplyRequest;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MemoryRecallTest {
    /** As the orchestrator writes a conversation memory today (NpcSpeech.memory). */
    static final String SISTER = "Ada said to me: \"my sister is Mira\"; I said: A fine name.";
    private final MemoryRecall recall = new MemoryRecall();

    private static NpcReplyRequest saying(String topic, String words, List<String> memories) {
        return new NpcReplyRequest("brann", "Brann", "A gruff smith.", BRANN, null, "p1", "Ada", topic, words,
                memories, List.of());
    }

    private Optional<Recollection> recalled(String words, String... memories) {
        return recall.recall(saying(null, words, List.of(memories)));
    }

    @Test
    void whatThePlayerToldIsRecalledInTheSecondPerson() {
        Recollection r = recalled("do you remember my sister?", SISTER).orElseThrow();
        assertEquals(Recollection.Kind.TOLD, r.kind());
        assertEquals("your sister is Mira", r.words());
        assertTrue(r.cued(), "'remember' asks for a recollection");
    }

    @Test
    void theMemoryMayBeWrittenInOtherWays() {
        for (String memory : List.of("Ada said: my sister is Mira", "Ada told me that my sister is Mira.",
                "ada said to me: “my sister is Mira”", "Ada said to me: 'my sister is Mira'; I replied: Good.",
                "Ada mentioned my sister is Mira; I said: Hm.")) {
            assertEquals(Optional.of("your sister is Mira"), recalled("what about Mira?", memory)
                    .map(Recollection::words), memory);
        }
    }

    @Test
    void quotedWordsKeepTheirOwnSemicolonsAndQuotes() {
        assertEquals("your sister is Mira; she sings", recalled("my sister",
                "Ada said to me: \"my sister is Mira; she sings\"; I said: Nice.").orElseThrow().words());
        assertEquals("the 'red' door is yours", recalled("the door",
                "Ada said to me: \"the \"red\" door is mine\"; I said: Ok.").orElseThrow().words());
    }

    @Test
    void aTopicAskedAboutIsRecalledToo() {
        Recollection r = recalled("did I ask you about swords before?", "Ada asked me about swords; I said: Steel.")
                .orElseThrow();
        assertEquals(new Recollection(Recollection.Kind.ASKED, "swords", false), r);
    }

    @Test
    void theMemorySharingMostWordsWinsAndTiesGoToTheMoreRelevant() {
        String horse = "Ada said to me: \"my horse is lame\"; I said: Bad luck.";
        String sisterHorse = "Ada said to me: \"my sister rides a grey horse\"; I said: Nice.";
        assertEquals("your sister rides a grey horse",
                recalled("remember my sister's horse?", horse, sisterHorse).orElseThrow().words());
        assertEquals("your horse is lame", recalled("my horse", horse, sisterHorse).orElseThrow().words());
    }

    @Test
    void unrelatedWordsRecallNothing() {
        assertTrue(recalled("tell me about wolves", SISTER).isEmpty());
        assertTrue(recalled("do you remember me?", SISTER).isEmpty(), "cue words alone are no subject");
        assertTrue(recalled("Brann, Ada here", "Ada said to me: \"Brann, it is Ada\"").isEmpty(),
                "names are no subject");
        assertTrue(recalled("my sister", "Ada was rude to me.").isEmpty(), "no words of the player's to recall");
    }

    @Test
    void anotherPlayersWordsAreNeverRecalled() {
        assertTrue(recalled("remember my sister?", "Bob said to me: \"my sister is Mira\"").isEmpty());
        assertTrue(recalled("remember my sister?", "Adam said to me: \"my sister is Mira\"").isEmpty());
        assertTrue(recall.recall(new NpcReplyRequest("brann", "Brann", null, BRANN, null, "p1", null, null,
                "remember my sister?", List.of(SISTER), List.of())).isEmpty(), "a nameless player matches none");
    }

    @Test
    void missingPartsAreNoRecollection() {
        assertTrue(recall.recall(saying(null, "my sister", null)).isEmpty());
        assertTrue(recall.recall(saying(null, null, List.of(SISTER))).isEmpty());
        assertTrue(recalled("my sister", "Ada said to me: \"\"", "Ada said:").isEmpty());
        List<String> withNull = new java.util.ArrayList<>();
        withNull.add(null);
        withNull.add(SISTER);
        assertTrue(recall.recall(saying(null, "my sister", withNull)).isPresent());
    }

    @Test
    void theTopicCountsAsWhatThePlayerSays() {
        assertTrue(recall.recall(saying("sister", "ask brann about my sister", List.of(SISTER))).isPresent());
    }

    @Test
    void personsSwapBetweenSpeakerAndListener() {
        assertEquals("you gave me your sword", PersonSwap.toListener("I gave you my sword"));
        assertEquals("you are tired and I am kind", PersonSwap.toListener("I am tired and you are kind"));
        assertEquals("I'm a liar, you're honest", PersonSwap.toListener("You're a liar, I'm honest"));
        assertEquals("the ring is mine, not yours", PersonSwap.toListener("the ring is yours, not mine"));
        assertEquals("Mira was here", PersonSwap.toListener("Mira was here"));
        assertEquals("you were lost", PersonSwap.toListener("we were lost"));
    }
}
