package com.langomni.memory.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** Configuration of memory-service; every key is overridable by environment (LANGOMNI_MEMORY_...). */
@ConfigMapping(prefix = "langomni.memory")
public interface MemoryConfig {

    /** Directory of the embedded store's log (env LANGOMNI_MEMORY_DATA_DIR). */
    @WithDefault(".data/memory")
    String dataDir();

    /** Longest memory, query or candidate text accepted, in characters. */
    @WithDefault("2000")
    int maxTextLength();

    Scoring scoring();

    Search search();

    Listing list();

    Rank rank();

    Store store();

    Embedding embedding();

    /** Generative Agents retrieval weights (the paper uses 1/1/1), recency decay per hour, normalisation. */
    interface Scoring {
        @WithDefault("1.0")
        double relevanceWeight();

        @WithDefault("1.0")
        double recencyWeight();

        @WithDefault("1.0")
        double importanceWeight();

        @WithDefault("0.995")
        double recencyDecay();

        /**
         * Smallest spread a component is normalised over, so that noise-sized differences (memories written
         * seconds apart) are not stretched to the full [0, 1]; 0 is the paper's plain min-max.
         */
        @WithDefault("0.1")
        double minSpread();
    }

    interface Search {
        @WithDefault("5")
        int defaultLimit();

        @WithDefault("50")
        int maxLimit();

        /**
         * Memories (the most similar ones) that recency and importance may re-rank. The paper scores an
         * agent's whole stream; a bounded pool keeps a search cheap for owners with huge histories and
         * matches what a vector database returns.
         */
        @WithDefault("200")
        int candidatePool();
    }

    interface Listing {
        @WithDefault("50")
        int defaultLimit();

        @WithDefault("1000")
        int maxLimit();
    }

    interface Rank {
        @WithDefault("256")
        int maxCandidates();

        /** Candidate texts whose embeddings are kept (LRU). */
        @WithDefault("10000")
        int cacheSize();
    }

    interface Store {
        /** fsync each acknowledged write (group commit); turn off only for throwaway data. */
        @WithDefault("true")
        boolean fsync();

        /** Startup compaction runs when at least this many log lines are dead... */
        @WithDefault("1000")
        long compactMinDeadLines();

        /** ...and they are at least this fraction of the log. */
        @WithDefault("0.5")
        double compactDeadRatio();

        /** How often batched last-access updates are written to the log. */
        @WithDefault("5s")
        Duration touchFlushInterval();
    }

    interface Embedding {
        /** Threads that embed the texts of one batch in parallel; default: available processors. */
        Optional<Integer> threads();
    }
}
