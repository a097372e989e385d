package com.langomni.world.service;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Stream slots on the backend beyond this replica's own limit: the whole backend's, shared by every replica
 * ({@code client.RedisSlots}), or none ({@link #LOCAL}: this replica's limit is the only one).
 */
public interface Slots {

    /** What a try for a slot came to. */
    enum Grant {
        /** A slot is held for the holder until {@link #give}. */
        TAKEN,
        /** Every slot of the backend is taken; try again later. */
        FULL,
        /** The shared count could not be read: the local limit alone decides, nothing to give back. */
        UNAVAILABLE
    }

    /** Only this replica's limit. */
    Slots LOCAL = new Slots() {
        @Override
        public CompletionStage<Grant> take(String holder) {
            return CompletableFuture.completedFuture(Grant.TAKEN);
        }

        @Override
        public CompletionStage<Void> give(String holder) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public String mode() {
            return "off";
        }
    };

    /** Tries to take one slot for {@code holder}; never completes exceptionally. */
    CompletionStage<Grant> take(String holder);

    /** Gives back the slot {@code holder} took; completes when it is back (or could not be), never exceptionally. */
    CompletionStage<Void> give(String holder);

    /** {@code off}, {@code redis} or {@code local} (shared count unreachable now), for status. */
    String mode();
}
