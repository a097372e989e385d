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

    /** Intent proposals ({@code POST /api/intent/propose}). */
    Intent intent();

    interface Intent {
        /** Tokens of a proposal's answer: {@code {"action": "..."}} needs a few dozen. */
        @WithDefault("48")
        int maxTokens();

        /** Choosing is not writing: the most likely action. */
        @WithDefault("0.0")
        double temperature();

        /** From arrival to the whole answer; the orchestrator's own deadline is shorter still. */
        @WithDefault("2s")
        Duration timeout();

        /** Legal actions offered to the model at most; more are cut (the orchestrator sends fewer). */
        @WithDefault("80")
        int maxActions();

        /** Longest player text passed on. */
        @WithDefault("500")
        int maxTextChars();
    }

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

        /** Answer length for a request that does not size it (NarrationRequest.maxTokens 0); also its cap. */
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

        /**
         * Requests waiting for a stream slot; beyond that the rules answer at once (busy). High-priority requests
         * (combat, first looks) may use all of it.
         */
        @WithDefault("64")
        int maxQueued();

        /**
         * Of the places in the queue, how many normal-priority requests may take; a normal request that finds this
         * many waiting gets the rules at once (busy). 16 of 64: a wait is bounded by the first-token timeout (2 s),
         * and at the reference profile about 30 slots free in 2 s on a saturated backend (64 streams of ~4 s), so a
         * queue much deeper than that only turns busy answers into timeouts two seconds later. Normal requests may
         * fill half of what can drain in time; the rest is kept for high-priority ones, which go first anyway.
         */
        @WithDefault("16")
        int maxQueuedNormal();


        CircuitBreaker circuitBreaker();

        Probe probe();

        ClusterLimit clusterLimit();
    }

    /**
     * {@code max-concurrent} for the whole backend rather than per replica: every replica's streams are leases in one
     * Redis sorted set ({@code quarkus.redis.hosts}, env REDIS_URL), so two replicas in front of a vLLM that runs 64
     * sequences admit 64 together, not 64 each. Redis unreachable: each replica falls back to its own
     * {@code max-concurrent} (logged once, counted), and narration goes on.
     */
    interface ClusterLimit {
        @WithDefault("true")
        boolean enabled();

        /** The sorted set of leases; replicas in front of the same backend share it, another backend needs its own. */
        @WithDefault("langomni:world-llm:leases")
        String key();

        /**
         * A lease lasts the stream's total timeout plus this, then expires: a replica that crashed with streams open
         * gets its slots back to the others within that time. It must cover a release's trip to Redis.
         */
        @WithDefault("5s")
        Duration leaseMargin();

        /**
         * How often a waiter retries the shared count while every slot is held (slots other replicas free are not
         * announced; one freed here is tried at once). Adds at most this to a wait; one script run per interval
         * per waiting replica.
         */
        @WithDefault("50ms")
        Duration pollInterval();

        /** A Redis answer slower than this counts as Redis down: the local limit decides (well within 2 s TTFT). */
        @WithDefault("250ms")
        Duration timeout();

        /** After Redis failed, admissions use the local limit this long before Redis is asked again. */
        @WithDefault("2s")
        Duration retryAfter();
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
