package com.langomni.gateway.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import com.langomni.api.game.ActionRequest;

import io.smallrye.mutiny.Uni;

class ActionQueueTest {

    /** Records what was forwarded and lets the test decide when each forward completes. */
    private final List<String> forwarded = new ArrayList<>();
    private final List<CompletableFuture<Void>> answers = new ArrayList<>();

    private final ActionQueue queue = new ActionQueue(3, action -> {
        forwarded.add(action.id());
        CompletableFuture<Void> answer = new CompletableFuture<>();
        answers.add(answer);
        return Uni.createFrom().completionStage(answer);
    });

    @Test
    void forwardsOneActionAtATimeInArrivalOrder() {
        queue.offer(action("a"));
        queue.offer(action("b"));
        queue.offer(action("c"));
        assertEquals(List.of("a"), forwarded);

        answers.get(0).complete(null);
        assertEquals(List.of("a", "b"), forwarded);
        answers.get(1).completeExceptionally(new IllegalStateException("refused"));
        assertEquals(List.of("a", "b", "c"), forwarded);
        answers.get(2).complete(null);
        assertEquals(0, queue.pending());
    }

    @Test
    void refusesAnActionBeyondItsCapacity() {
        assertTrue(queue.offer(action("a")));
        assertTrue(queue.offer(action("b")));
        assertTrue(queue.offer(action("c")));

        assertFalse(queue.offer(action("d")));
        answers.get(0).complete(null);
        assertTrue(queue.offer(action("d")));
    }

    @Test
    void dropsWaitingActionsWhenClosed() {
        queue.offer(action("a"));
        queue.offer(action("b"));

        queue.close();
        answers.get(0).complete(null);

        assertEquals(List.of("a"), forwarded);
        assertEquals(0, queue.pending());
    }

    @Test
    void carriesOnWhenTheForwarderThrows() {
        List<String> seen = new ArrayList<>();
        ActionQueue fragile = new ActionQueue(4, action -> {
            seen.add(action.id());
            if (action.id().equals("boom")) {
                throw new IllegalStateException("bug");
            }
            return Uni.createFrom().voidItem();
        });

        fragile.offer(action("boom"));
        fragile.offer(action("next"));

        assertEquals(List.of("boom", "next"), seen);
        assertEquals(0, fragile.pending());
    }

    private static ActionRequest action(String id) {
        return new ActionRequest(id, "look");
    }
}
