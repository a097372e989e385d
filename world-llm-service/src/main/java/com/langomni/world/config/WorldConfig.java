package com.langomni.world.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Settings of the world narration service ({@code langomni.world.*}, env {@code LANGOMNI_WORLD_*}). */
@ConfigMapping(prefix = "langomni.world")
public interface WorldConfig {

    /**
     * Which {@code NarrationBackend} narrates: {@code auto} (the LLM when {@code llm.url} is set, else the rules),
     * {@code rules} (embedded template narrator) or {@code openai} (requires {@code llm.url}).
     */
    @WithDefault("auto")
    String backend();

    /** The rule narrator. */
    Narrator narrator();

    /** The OpenAI-compatible world model (vLLM, Ollama, llama.cpp server). */
    Llm llm();

    /** How much of a request reaches the model. */
    Prompt prompt();

    interface Narrator {
        /** Longest stretch of a player's speech quoted back in a narration. */
        @WithDefault("200")
        int maxQuoteChars();
    }

    interface Llm {
        /** OpenAI base URL ending in {@code /v1}; empty means no LLM (env WORLD_LLM_URL). */
        Optional<String> url();

        /** Model name; empty asks {@code /v1/models} once and uses the first (env WORLD_LLM_MODEL). */
        Optional<String> model();

        /** Bearer token for hosted endpoints; never logged (env WORLD_LLM_API_KEY). */
        Optional<String> apiKey();

        @WithDefault("200")
        int maxTokens();

        @WithDefault("0.7")
        double temperature();

        @WithDefault("1s")
        Duration connectTimeout();

        /** From the request's arrival (queueing included) to the first word; stays under the orchestrator's 3 s. */
        @WithDefault("2s")
        Duration firstTokenTimeout();

        /** From arrival to the last word; stays under the orchestrator's 15 s stream wait. */
        @WithDefault("10s")
        Duration totalTimeout();

        /** Streams open on the backend at once; kept below vLLM's max-num-seqs so its own queue stays short. */
        @WithDefault("64")
        int maxConcurrent();

        /** Requests waiting for a stream slot; beyond that the rules answer at once (busy). */
        @WithDefault("64")
        int maxQueued();

        CircuitBreaker circuitBreaker();

        Probe probe();
    }

    interface CircuitBreaker {
        /** Rolling window of calls the failure ratio is computed over. */
        @WithDefault("20")
        int requestVolume();

        @WithDefault("0.5")
        double failureRatio();

        /** How long the circuit stays open before trial calls. */
        @WithDefault("5s")
        Duration delay();

        /** Successful trial calls that close it again. */
        @WithDefault("2")
        int successThreshold();
    }

    interface Probe {
        /** How often {@code /health} and {@code /metrics} are read. */
        @WithDefault("5s")
        Duration interval();

        @WithDefault("2s")
        Duration timeout();

        /** Failed requests or probes in a row that mark the backend unhealthy. */
        @WithDefault("3")
        int ejectAfter();
    }

    interface Prompt {
        /** The player's words are cut to this many characters. */
        @WithDefault("500")
        int playerTextChars();

        /** The newest recent events kept. */
        @WithDefault("8")
        int recentEvents();

        @WithDefault("200")
        int recentEventChars();

        /** The most relevant lines of the player's history (NarrationRequest.history) kept. */
        @WithDefault("5")
        int historyItems();

        @WithDefault("200")
        int historyItemChars();

        /** System and user message together; lowest-priority parts are dropped first to fit. */
        @WithDefault("6000")
        int totalChars();
    }
}
