package com.langomni.memory.client;

import com.langomni.memory.config.MemoryConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.Optional;

/** The npc-llm client when NPC_LLM_SERVICE_URL is configured; empty otherwise. */
@ApplicationScoped
public class NpcLlm {

    private final Optional<NpcLlmClient> client;

    public NpcLlm(MemoryConfig config) {
        this.client = config.npcLlm().url().map(url -> new NpcLlmClient(url, Duration.ofSeconds(1)));
    }

    public Optional<NpcLlmClient> client() {
        return client;
    }
}
