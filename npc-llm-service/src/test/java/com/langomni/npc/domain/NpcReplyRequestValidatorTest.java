package com.langomni.npc.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.langomni.api.npc.NpcReplyRequest;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NpcReplyRequestValidatorTest {

    private static NpcReplyRequest of(String npcId, String npcName) {
        return new NpcReplyRequest(npcId, npcName, null, null, null, null, null, null, null, null, List.of());
    }

    @Test
    void onlyWhoSpeaksIsRequired() {
        assertTrue(NpcReplyRequestValidator.problem(of("brann", "Brann")).isEmpty());
    }

    @Test
    void namesWhatIsMissing() {
        assertEquals(Optional.of("npcId is required"), NpcReplyRequestValidator.problem(of(null, "Brann")));
        assertEquals(Optional.of("npcName is required"), NpcReplyRequestValidator.problem(of("brann", "")));
        assertTrue(NpcReplyRequestValidator.problem(null).isPresent());
    }
}
