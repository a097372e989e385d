package com.langomni.simulator.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The simulator's settings ({@code sim.*}, env {@code SIM_*}). A profile supplies every engine knob; any
 * knob set here overrides the profile's value.
 */
@ConfigMapping(prefix = "sim")
public interface SimConfig {

    /** {@code world-70b}, {@code npc-8b} or {@code fast}. */
    @WithDefault("npc-8b")
    String profile();

    Optional<String> servedModelName();

    OptionalInt maxNumSeqs();

    OptionalInt maxNumBatchedTokens();

    OptionalInt maxModelLen();

    OptionalInt blockSize();

    OptionalInt kvCacheBlocks();

    OptionalDouble prefillOverheadMs();

    OptionalDouble prefillPerTokenMs();

    OptionalDouble baseItlMs();

    OptionalDouble perSeqItlMs();

    OptionalDouble jitter();

    OptionalInt defaultMaxTokens();

    OptionalInt meanOutputTokens();

    /** Waiting requests beyond free slots before new ones are refused; 0 queues without bound, as vLLM does. */
    OptionalInt maxQueue();

    OptionalLong seed();

    /** Status of the refusal when the queue is full: 429 (rate limited) or 503 (overloaded). */
    @WithDefault("429")
    int queueFullStatus();

    /** How long /health answers 503 after start, as while vLLM loads weights. */
    @WithDefault("0s")
    Duration startupDelay();

    /** Largest request body accepted, in bytes. */
    @WithDefault("4194304")
    int maxRequestBytes();

    /**
     * How many of the latest prompts {@code GET /sim/prompts} keeps, as received (0: none). A debugging aid, not
     * vLLM's: tests read what a client really sent, e.g. that a player's words stay inside the prompt's fences.
     */
    @WithDefault("0")
    int recordedPrompts();

    Faults faults();

    /**
     * {@code POST /v1/moderations} (OpenAI's shape) flags an input this regular expression finds (case-insensitive),
     * in category {@code harassment}.
     */
    @WithDefault("\\bflag-?me\\b")
    String moderationPattern();

    /** Injected faults at start; POST /sim/faults changes them at runtime. */
    interface Faults {
        @WithDefault("0")
        double errorRate();

        @WithDefault("0")
        double hangRate();

        @WithDefault("0")
        double stallRate();

        @WithDefault("0")
        double crashRate();

        /** Tokens streamed before a stall or crash. */
        @WithDefault("8")
        int afterTokens();
    }
}
