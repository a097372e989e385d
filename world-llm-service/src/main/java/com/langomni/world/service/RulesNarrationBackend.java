package com.langomni.world.service;

import com.langomni.api.narration.NarrationRequest;
import com.langomni.api.narration.NarrationResponse;
import com.langomni.world.config.WorldConfig;
import com.langomni.world.domain.RuleNarrator;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** The embedded default: the template narrator, answered in microseconds on the calling thread. */
@ApplicationScoped
public class RulesNarrationBackend implements NarrationBackend {
    public static final String NAME = "rules";

    private final RuleNarrator narrator;

    public RulesNarrationBackend(WorldConfig config) {
        this.narrator = new RuleNarrator(config.narrator().maxQuoteChars());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Uni<NarrationResponse> narrate(NarrationRequest request) {
        return Uni.createFrom().item(() -> new NarrationResponse(narrator.narrate(request), NAME));
    }
}
