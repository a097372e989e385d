package com.langomni.gateway.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.langomni.api.game.OutboxFrame;

class OutboxCursorTest {

    private final List<String> sent = new ArrayList<>();
    private final OutboxCursor cursor = new OutboxCursor(sent::add);

    @Test
    void holdsFramesUntilTheWelcomeThenSendsOnlyNewerOnes() {
        assertFalse(cursor.offer(3, frame("c")));
        assertFalse(cursor.offer(4, frame("d")));

        assertFalse(cursor.start("{\"type\":\"welcome\"}", 3, List.of()));

        assertEquals(List.of("{\"type\":\"welcome\"}", "{\"seq\":4,\"x\":\"d\"}"), sent);
        assertTrue(cursor.isLive());
    }

    @Test
    void sendsTheReplayThenWhatArrivedMeanwhileWithoutDuplicates() {
        cursor.offer(3, frame("c"));
        cursor.offer(5, frame("e"));

        cursor.start("{\"type\":\"welcome\"}", 1, List.of(new OutboxFrame(2, frame("b")), new OutboxFrame(3, frame("c")),
                new OutboxFrame(4, frame("d"))));

        assertEquals(List.of("{\"type\":\"welcome\"}", "{\"seq\":2,\"x\":\"b\"}", "{\"seq\":3,\"x\":\"c\"}",
                "{\"seq\":4,\"x\":\"d\"}", "{\"seq\":5,\"x\":\"e\"}"), sent);
        assertEquals(5, cursor.delivered());
    }

    @Test
    void reportsAGapHoldsLaterFramesAndFillsItFromACatchUp() {
        cursor.start("{\"type\":\"welcome\"}", 0, List.of());
        assertFalse(cursor.offer(1, frame("a")));

        assertTrue(cursor.offer(3, frame("c")), "seq 2 is missing");
        assertTrue(cursor.beginCatchUp());
        assertFalse(cursor.beginCatchUp(), "one catch-up at a time");
        assertFalse(cursor.offer(4, frame("d")), "held while catching up");
        assertFalse(cursor.catchUp(List.of(new OutboxFrame(2, frame("b")), new OutboxFrame(3, frame("c")))));

        assertEquals(List.of("{\"type\":\"welcome\"}", "{\"seq\":1,\"x\":\"a\"}", "{\"seq\":2,\"x\":\"b\"}",
                "{\"seq\":3,\"x\":\"c\"}", "{\"seq\":4,\"x\":\"d\"}"), sent);
        assertTrue(cursor.isLive());
    }

    @Test
    void dropsFramesAlreadySent() {
        cursor.start("{\"type\":\"welcome\"}", 0, List.of());
        cursor.offer(1, frame("a"));
        cursor.offer(1, frame("a"));

        assertEquals(2, sent.size());
    }

    @Test
    void aFailedCatchUpLetsTheNextOneRun() {
        cursor.start("{\"type\":\"welcome\"}", 0, List.of());
        cursor.offer(2, frame("b"));
        assertTrue(cursor.beginCatchUp());

        cursor.catchUpFailed();

        assertTrue(cursor.beginCatchUp());
        assertTrue(cursor.isBehind(2));
        assertFalse(cursor.catchUp(List.of(new OutboxFrame(1, frame("a")))));
        assertFalse(cursor.isBehind(2));
    }

    @Test
    void framesDroppedFromAFullHoldAreFetchedAgainNotForgotten() {
        cursor.start("{\"type\":\"welcome\"}", 0, List.of());
        assertTrue(cursor.beginCatchUp());
        long last = OutboxCursor.MAX_HELD + 10;
        for (long seq = 2; seq <= last; seq++) {
            cursor.offer(seq, frame("f" + seq));
        }

        assertTrue(cursor.catchUp(List.of(new OutboxFrame(1, frame("f1")))), "the newest were dropped: still behind");
        assertFalse(cursor.isLive());
        assertEquals(OutboxCursor.MAX_HELD + 1, cursor.delivered());
    }

    @Test
    void noCatchUpBeforeTheWelcome() {
        assertFalse(cursor.beginCatchUp());
        assertFalse(cursor.isBehind(10));
    }

    private static String frame(String x) {
        return "{\"x\":\"" + x + "\"}";
    }
}
