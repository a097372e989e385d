package com.langomni.world.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.langomni.api.narration.NarrationChunk;
import com.langomni.api.narration.NarrationRequest;
import io.smallrye.mutiny.Multi;
import java.util.List;
import org.junit.jupiter.api.Test;

class NarrationServiceTest {

    private static NarrationBackend named(String name) {
        return new NarrationBackend() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Multi<NarrationChunk> stream(NarrationRequest request) {
                return Multi.createFrom().item(NarrationChunk.rules("", null));
            }
        };
    }

    @Test
    void selectsTheConfiguredBackendByName() {
        NarrationBackend rules = named("rules");
        assertSame(rules, NarrationService.select("rules", List.of(named("openai"), rules)));
    }

    @Test
    void anUnknownBackendNameFailsWithTheChoices() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> NarrationService.select("rulez", List.of(named("rules"))));
        assertTrue(e.getMessage().contains("rulez") && e.getMessage().contains("rules"), e.getMessage());
    }

    @Test
    void autoMeansTheLlmWhenOneIsConfiguredElseTheRules() {
        assertEquals("openai", NarrationService.resolve("auto", true));
        assertEquals("rules", NarrationService.resolve("auto", false));
        assertEquals("rules", NarrationService.resolve("rules", true));
        assertEquals("openai", NarrationService.resolve("openai", true));
    }

    @Test
    void openaiWithoutAUrlStopsTheServiceWithTheReason() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> NarrationService.resolve("openai", false));
        assertTrue(e.getMessage().contains("WORLD_LLM_URL"), e.getMessage());
    }
}
