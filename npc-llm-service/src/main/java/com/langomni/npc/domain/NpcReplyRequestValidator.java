package com.langomni.npc.domain;

import com.langomni.api.npc.NpcReplyRequest;
import java.util.Optional;

/** An NPC reply needs to know who speaks; everything else may be missing and is answered with a greeting. */
public final class NpcReplyRequestValidator {

    private NpcReplyRequestValidator() {
    }

    /** The problem with the request, empty when it can be answered. */
    public static Optional<String> problem(NpcReplyRequest r) {
        if (r == null) {
            return Optional.of("a JSON NpcReplyRequest body is required");
        }
        if (r.npcId() == null || r.npcId().isBlank()) {
            return Optional.of("npcId is required");
        }
        if (r.npcName() == null || r.npcName().isBlank()) {
            return Optional.of("npcName is required");
        }
        return Optional.empty();
    }
}
