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

    /** Which store holds the memories: {@code embedded} (Lucene on local disk) or {@code qdrant}. */
    @WithDefault("embedded")
    String store();

    Scoring scoring();

    Search search();

    Listing list();

    Rank rank();

    Embedded embedded();

    Qdrant qdrant();

    Embedding embedding();

    NpcLlm npcLlm();

    Importance importance();

    Reflection reflection();

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

    interface Embedded {
        /** fsync the write-ahead log before acknowledging (group commit); turn off only for throwaway data. */
        @WithDefault("true")
        boolean fsync();

        /** Lucene indexing buffer; a full buffer becomes a segment with its own HNSW graph. */
        @WithDefault("32")
        double ramBufferMb();

        /** How often the index commits, which bounds the log replayed after a crash. */
        @WithDefault("30s")
        Duration commitInterval();

        /** ... or after this many logged operations. */
        @WithDefault("50000")
        long commitEveryOps();
    }

    interface Qdrant {
        /** gRPC endpoint, e.g. http://localhost:6334 (env QDRANT_URL); required when store = qdrant. */
        Optional<String> url();

        /** env QDRANT_API_KEY */
        Optional<String> apiKey();

        /** env QDRANT_COLLECTION */
        @WithDefault("langomni_memories")
        String collection();

        @WithDefault("5s")
        Duration timeout();
    }

    interface Embedding {
        /** Threads that embed the texts of one batch in parallel; default: available processors. */
        Optional<Integer> threads();

        /**
         * OpenAI-compatible base URL ending in /v1 (env EMBEDDINGS_URL): when set, texts are embedded by its
         * /embeddings endpoint instead of the in-process all-MiniLM-L6-v2.
         */
        Optional<String> url();

        /** env EMBEDDINGS_MODEL; the remote server's default when unset. */
        Optional<String> model();

        /** env EMBEDDINGS_API_KEY */
        Optional<String> apiKey();

        /** Vector size every store expects (all-MiniLM-L6-v2: 384); a remote model must match. */
        @WithDefault("384")
        int dimension();

        /** Texts per remote request. */
        @WithDefault("64")
        int batchSize();

        @WithDefault("10s")
        Duration timeout();
    }

    interface NpcLlm {
        /** npc-llm-service base URL (env NPC_LLM_SERVICE_URL); unset: no LLM importance, no reflections. */
        Optional<String> url();

        /** A down npc-llm costs a write at most this (then the heuristic rates it). */
        @WithDefault("1s")
        Duration connectTimeout();
    }

    interface Importance {
        /** {@code npc-llm} or {@code heuristic}; default npc-llm when npc-llm's URL is set. */
        Optional<String> scorer();

        /** Past this the write goes on with the heuristic score. */
        @WithDefault("2s")
        Duration timeout();
    }

    interface Reflection {
        /** Sum of importance written to an NPC since its last reflection that triggers one (Generative Agents: 150). */
        @WithDefault("150")
        int threshold();

        /** The NPC's most recent memories sent to reflect on. */
        @WithDefault("100")
        int memories();

        @WithDefault("15s")
        Duration timeout();

        /** After a failed or empty reflection, wait this long before the next attempt for that NPC. */
        @WithDefault("60s")
        Duration retryAfter();

        /**
         * Reflection calls per round at most: one per scope (one player's private memories, the public ones, the
         * NPC's own), the scopes with most memories first, so no insight mixes one player's words into another's.
         */
        @WithDefault("3")
        int maxScopes();

        /** Longest reflection text stored (LLM output kept for good: bounded here whatever npc-llm sends). */
        @WithDefault("300")
        int maxChars();
    }
}
