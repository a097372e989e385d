package com.langomni.orchestrator.moderation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Streamed narration: only checked whole words are published, and nothing after a flag. */
class StreamGuardTest {

    private final WordList list = new WordList(List.of("ass"), List.of());
    private final List<String> published = new ArrayList<>();
    private final StreamGuard guard = new StreamGuard(text -> Uni.createFrom().item(list.check(text)), delta -> {
        published.add(delta);
        return Uni.createFrom().voidItem();
    });

    private void send(String chunk) {
        guard.send(chunk).await().indefinitely();
    }

    @Test
    void cleanChunksGoOutWholeWordsFirstAndTheRestAtTheEnd() {
        send("The fog ");
        send("rolls ov");
        send("er the hill");
        guard.finish().await().indefinitely();

        assertEquals(List.of("The fog ", "rolls ", "over the ", "hill"), published);
        assertEquals("The fog rolls over the hill", String.join("", published));
        assertFalse(guard.stopped());
    }

    @Test
    void aWordCutByTheChunkEndIsJudgedWhole() {
        send("You ass");
        send("ist the smith.");
        guard.finish().await().indefinitely();

        assertEquals("You assist the smith.", String.join("", published), "'ass' of 'assist' is no flag");
    }

    @Test
    void afterAFlaggedChunkNothingMoreIsPublished() {
        send("You see a ");
        send("big ass ");
        send("wolf here.");
        guard.finish().await().indefinitely();

        assertEquals(List.of("You see a "), published);
        assertTrue(guard.stopped());
    }

    @Test
    void aFlaggedWordSplitAcrossChunksIsNeverShownInPart() {
        send("What an a");
        send("ss.");
        guard.finish().await().indefinitely();

        assertEquals(List.of("What an "), published);
        assertTrue(guard.stopped());
    }

    @Test
    void stoppedByAFlaggedFinalTextTheHeldBackWordStaysUnsent() {
        send("Quiet now");
        guard.stop();
        guard.finish().await().indefinitely();

        assertEquals(List.of("Quiet "), published);
    }
}
