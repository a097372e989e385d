package com.langomni.world.domain;

import com.langomni.api.narration.NarrationRequest;
import java.util.Optional;

/** What makes a narration request unusable: without an intent and the rules' outcome there is nothing to tell. */
public final class NarrationRequestValidator {

    private NarrationRequestValidator() {
    }

    /** The problem with the request, empty when it can be narrated. */
    public static Optional<String> problem(NarrationRequest r) {
        if (r == null) {
            return Optional.of("a JSON NarrationRequest body is required");
        }
        if (r.intent() == null) { // a missing or blank name (any other word reads as unknown)
            return Optional.of("intent is required");
        }
        if (r.outcome() == null || r.outcome().isBlank()) {
            return Optional.of("outcome is required");
        }
        return Optional.empty();
    }
}
