package com.langomni.orchestrator.narration;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Whether world-llm-service narrates with an LLM (its {@code GET /api/backends} lists one), asked at most once per
 * {@code langomni.narration.history.llm-check-ttl}; no answer in time counts as no LLM. Recalling player history
 * for the rule narrator would be wasted work.
 */
@ApplicationScoped
public class WorldLlmPresence {

    private final Uni<Boolean> check;

    WorldLlmPresence(WorldLlmClient worldLlm, NarrationConfig config) {
        NarrationConfig.History history = config.history();
        this.check = Uni.createFrom().deferred(worldLlm::backends)
                .ifNoItem().after(history.llmCheckTimeout()).fail()
                .map(backends -> backends != null && !backends.isEmpty())
                .onFailure().recoverWithItem(failure -> {
                    Log.debugf("world-llm did not list its backends: %s", failure.toString());
                    return false;
                })
                .memoize().atLeast(history.llmCheckTtl());
    }

    public Uni<Boolean> hasLlm() {
        return check;
    }
}
