package com.langomni.npc.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.langomni.api.npc.NpcReplyRequest;
import com.langomni.api.npc.NpcReplyResponse;
import io.smallrye.mutiny.Uni;
import java.util.List;
import org.junit.jupiter.api.Test;

class NpcReplyServiceTest {

    private static NpcReplyBackend named(String name) {
        return new NpcReplyBackend() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Uni<NpcReplyResponse> reply(NpcReplyRequest request) {
                return Uni.createFrom().item(new NpcReplyResponse("", name));
            }
        };
    }

    @Test
    void selectsTheConfiguredBackendByName() {
        NpcReplyBackend rules = named("rules");
        assertSame(rules, NpcReplyService.select("rules", List.of(named("openai"), rules)));
    }

    @Test
    void autoMeansTheReplicasWhenThereAreSomeElseTheRetrievalDialog() {
        assertEquals("llm", NpcReplyService.resolve("auto", true));
        assertEquals("rules", NpcReplyService.resolve("auto", false));
        assertEquals("rules", NpcReplyService.resolve("rules", true), "rules can be forced");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> NpcReplyService.resolve("llm", false));
        assertTrue(e.getMessage().contains("NPC_LLM_URLS"), e.getMessage());
    }

    @Test
    void anUnknownBackendNameFailsWithTheChoices() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> NpcReplyService.select("llm", List.of(named("rules"))));
        assertTrue(e.getMessage().contains("llm") && e.getMessage().contains("rules"), e.getMessage());
    }
}
