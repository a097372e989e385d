package com.langomni.orchestrator.game;

import com.langomni.orchestrator.common.Constraints;

/**
 * Claimed action ids (table action_ids): the event row's insert claims its action id (trigger
 * {@code events_claim_action_id}, migration V4), so the claim commits with the action's state change or not at
 * all, and a second event row for the same player and id fails with a unique violation of {@link #CLAIMED}.
 */
public final class ActionIdRepository {

    /** The primary key a repeated claim violates. */
    public static final String CLAIMED = "action_ids_pkey";

    private ActionIdRepository() {
    }

    /** Whether {@code failure} is an action id applied before, claimed again. */
    public static boolean isRepeat(Throwable failure) {
        return Constraints.isUniqueViolation(failure, CLAIMED);
    }
}
