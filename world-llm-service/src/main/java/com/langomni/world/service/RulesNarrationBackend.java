package com.langomni.world.service;

import com.langomni.api.narration.FallbackReason;
import com.langomni.api.narration.NarrationChunk;
import com.langomni.api.narration.NarrationRequest;
import com.langomni.world.config.WorldConfig;
import com.langomni.words.TemplateNarrator;
import io.smallrye.mutiny.Multi;
import jakarta.enterprise.context.ApplicationScoped;

/** The embedded default: game-words' template narrator, answered in microseconds on the calling thread. */
@ApplicationScoped
public class RulesNarrationBackend implements NarrationBackend {
    public static final String NAME = "rules";

    private final TemplateNarrator narrator;

    public RulesNarrationBackend(WorldConfig config) {
        this.narrator = new TemplateNarrator(config.narrator().maxQuoteChars());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Multi<NarrationChunk> stream(NarrationRequest request) {
        return Multi.createFrom().item(() -> answer(request, FallbackReason.DISABLED));
    }

    /** The rule narrator's final chunk, for the LLM backend's fallbacks too. */
    public NarrationChunk answer(NarrationRequest request, FallbackReason fallbackReason) {
        return NarrationChunk.rules(narrator.narrate(request), fallbackReason);
    }
}
