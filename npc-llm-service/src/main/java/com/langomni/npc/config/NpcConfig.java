package com.langomni.npc.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the NPC dialog service ({@code langomni.npc.*}, env {@code LANGOMNI_NPC_*}). */
@ConfigMapping(prefix = "langomni.npc")
public interface NpcConfig {

    /** Which {@code NpcReplyBackend} answers: {@code rules} (retrieval dialog, the default). */
    @WithDefault("rules")
    String backend();

    Ranking ranking();

    interface Ranking {
        /**
         * How long to wait for memory-service's semantic ranking before ranking lexically; also the readiness
         * probe's budget. Applied to {@code MemoryClient#rank} through the fault-tolerance config in
         * application.properties, which reads this key.
         */
        @WithDefault("300")
        int timeoutMs();

        /**
         * Lowest cosine similarity (all-MiniLM-L6-v2) that counts as an answer. Measured on a smith's knowledge:
         * on-topic questions scored 0.39-0.58, off-topic ones 0.16-0.31.
         */
        @WithDefault("0.35")
        double semanticMinScore();

        /** Lowest BM25 score that counts as an answer: one shared rare word scores about 0.3-2. */
        @WithDefault("0.2")
        double lexicalMinScore();
    }
}
