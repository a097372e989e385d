package com.langomni.world.service;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.langomni.api.narration.NarrationRequest;
import com.langomni.api.narration.NarrationResponse;
import io.smallrye.mutiny.Uni;
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
            public Uni<NarrationResponse> narrate(NarrationRequest request) {
                return Uni.createFrom().item(new NarrationResponse("", name));
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
}
