package com.langomni.memory.client;

import com.langomni.memory.config.MemoryConfig;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.faulttolerance.api.Guard;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.temporal.ChronoUnit;

/**
 * The deadlines of the outgoing calls, from {@link MemoryConfig}; the clients apply them with
 * {@code @ApplyGuard}. A call past its deadline fails with a {@code TimeoutException}, which its client's fallback
 * (npc-llm) or its caller (embeddings) turns into the documented degraded answer.
 */
public class ClientGuards {

    static final String NPC_LLM_IMPORTANCE = "npc-llm-importance";
    static final String NPC_LLM_REFLECT = "npc-llm-reflect";
    static final String EMBEDDINGS = "embeddings";

    @Produces
    @Singleton
    @Identifier(NPC_LLM_IMPORTANCE)
    Guard npcLlmImportance(MemoryConfig config) {
        return deadline(NPC_LLM_IMPORTANCE, config.importance().timeout());
    }

    @Produces
    @Singleton
    @Identifier(NPC_LLM_REFLECT)
    Guard npcLlmReflect(MemoryConfig config) {
        return deadline(NPC_LLM_REFLECT, config.reflection().timeout());
    }

    @Produces
    @Singleton
    @Identifier(EMBEDDINGS)
    Guard embeddings(MemoryConfig config) {
        return deadline(EMBEDDINGS, config.embedding().timeout());
    }

    private static Guard deadline(String name, Duration timeout) {
        return Guard.create()
                .withDescription(name)
                .withTimeout().duration(timeout.toMillis(), ChronoUnit.MILLIS).done()
                .build();
    }
}
