package com.langomni.orchestrator.narration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * Narration and NPC dialog. Past any of these budgets the rules' own text is used, so narration can slow an action
 * down but never fail it. The clients apply the deadlines ({@code WorldLlmClient}, {@code NpcLlmClient},
 * {@code MemoryClient}); their circuit breakers are {@code langomni.services.breaker.*}.
 */
@ConfigMapping(prefix = "langomni.narration")
public interface NarrationConfig {

    /** How long world-llm-service may take to send its first chunk (it answers with rules itself after 2 s). */
    @WithDefault("3000")
    long firstChunkTimeoutMs();

    /** How long a whole world narration stream may take. */
    @WithDefault("15000")
    long streamTimeoutMs();

    /**
     * Budget of an NPC's whole reply: recall (itself bounded by {@link #memoryTimeoutMs()}), the conversation read
     * and npc-llm's answer, which alone is bounded by it too.
     */
    @WithDefault("4000")
    long npcTimeoutMs();

    /**
     * Budget for recalling memories (an NPC's, or the player's history for world narration); without them when it
     * runs out.
     */
    @WithDefault("400")
    long memoryTimeoutMs();

    /** Memories passed to the NPC service. */
    @WithDefault("5")
    int memoryLimit();

    /** Recent room events passed to the world narrator. */
    @WithDefault("5")
    int recentEvents();

    Stream stream();

    History history();

    Conversation conversation();

    Cache cache();

    Policy policy();

    /**
     * Which outcomes the world model narrates and how long it may talk (see {@code NarrationPolicy}). The answer
     * lengths come from the latency budget: at the 70B profile (~35 ms a token after ~0.4 s to the first) a
     * narration must stay under ~120 tokens to finish within 5 s; a place gets the most, a hit in a fight the least.
     */
    interface Policy {
        /** Intents the world model narrates; all others get the rules' own text at once. */
        @WithDefault("look,go,examine,attack,use,unknown")
        Set<String> llmIntents();

        /** Of those, the ones that keep the model when it saturates (others get the rules' text then). */
        @WithDefault("attack,look,go")
        Set<String> highPriorityIntents();

        /** Whether a refused action is narrated by the model; its words rarely add to "there is no wolf here". */
        @WithDefault("false")
        boolean narrateRefusals();

        /** Answer length in tokens for intents without their own {@code max-tokens.<intent>}. */
        @WithDefault("80")
        int defaultMaxTokens();

        /** Answer length per intent, e.g. {@code max-tokens.look=120}. */
        Map<String, Integer> maxTokens();

        /**
         * How long a player remembers a place as they saw it: a look at, or an arrival in, a place seen within this
         * time and unchanged since gets the rules' text (the player has just read the model's).
         */
        @WithDefault("30m")
        Duration seenTtl();
    }

    /** Coalescing of streamed deltas: a narration costs a handful of Redis publishes, not one per token. */
    interface Stream {
        /** Buffered text is published at most this often (the first delta goes at once). */
        @WithDefault("50")
        long flushIntervalMs();

        /** ... or as soon as this many characters are buffered. */
        @WithDefault("200")
        int flushChars();
    }

    /** The player's own history recalled into world narration prompts (only when world-llm has an LLM). */
    interface History {
        /** Memories passed at most (the recall shares {@code memory-timeout-ms}). */
        @WithDefault("3")
        int limit();

        /** How long world-llm's answer to "do you have an LLM?" ({@code GET /api/backends}) is reused. */
        @WithDefault("30s")
        Duration llmCheckTtl();

        /** Wait for that answer; past it, no LLM is assumed until the next check. */
        @WithDefault("500ms")
        Duration llmCheckTimeout();
    }

    /** The running conversation of one player with one NPC, passed back to npc-llm-service. */
    interface Conversation {
        /** Lines kept (a player's line and the NPC's answer are two). */
        @WithDefault("8")
        int lines();

        /** A conversation left alone this long is forgotten (the NPC's long-term memory keeps the gist). */
        @WithDefault("30m")
        Duration ttl();
    }

    /** Response cache of world narrations whose inputs are identical (looking at an unchanged room). */
    interface Cache {
        @WithDefault("true")
        boolean enabled();

        /** Part of every key: change it when the world model or its prompt changes, and old entries are ignored. */
        @WithDefault("v1")
        String namespace();

        @WithDefault("10m")
        Duration ttl();

        /** Intents whose narration is a pure function of the place and the outcome; never attack, say or talk. */
        @WithDefault("look,examine,go")
        Set<String> intents();
    }
}
