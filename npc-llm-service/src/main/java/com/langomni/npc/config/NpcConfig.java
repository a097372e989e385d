package com.langomni.npc.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Settings of the NPC dialog service ({@code langomni.npc.*}, env {@code LANGOMNI_NPC_*}). */
@ConfigMapping(prefix = "langomni.npc")
public interface NpcConfig {

    /**
     * Which {@code NpcReplyBackend} answers: {@code auto} (the default: {@code llm} when replicas are configured,
     * else {@code rules}), {@code llm} (model replicas, the retrieval dialog as fallback) or {@code rules}
     * (retrieval dialog only, even with replicas configured).
     */
    @WithDefault("auto")
    String backend();

    Ranking ranking();

    Llm llm();

    Router router();

    Prompt prompt();

    Insight insight();

    /** Intent proposals ({@code POST /api/intent/propose}), asked of the same replicas as dialog. */
    Intent intent();

    interface Intent {
        /** Tokens of a proposal's answer: {@code {"action": "..."}} needs a few dozen. */
        @WithDefault("48")
        int maxTokens();

        /** Choosing is not writing: the most likely action. */
        @WithDefault("0.0")
        double temperature();

        /** The whole answer; the orchestrator's own deadline is shorter still. */
        @WithDefault("2000")
        int timeoutMs();

        /** Legal actions offered to the model at most. */
        @WithDefault("80")
        int maxActions();

        /** Longest player text passed on. */
        @WithDefault("500")
        int maxTextChars();
    }

    /**
     * Importance ratings and reflections for memory-service ({@code POST /api/npc/importance}, {@code /reflect}),
     * asked of the same replicas as dialog. Without replicas (or with {@code backend=rules}) both answer
     * {@code source: rules} and memory-service applies its own heuristic / tries again later.
     */
    interface Insight {
        /** Whole rating budget, retries included: memory-service waits on it before storing a memory. */
        @WithDefault("1500")
        int importanceTimeoutMs();

        /** "7" is one token; a little room for "Rating: 7". */
        @WithDefault("8")
        int importanceMaxTokens();

        /**
         * Budget for drawing reflections, retries included (memory-service asks in the background); each
         * reflection is then rated within {@code importance-timeout-ms}.
         */
        @WithDefault("10000")
        int reflectTimeoutMs();

        /** Room for the insights: about 60 tokens each. */
        @WithDefault("400")
        int reflectMaxTokens();

        @WithDefault("0.3")
        double reflectTemperature();

        /** Insights asked for and kept per reflection (Generative Agents asks for five; NPC memories are fewer). */
        @WithDefault("3")
        int maxReflections();

        /** Most memories one reflect request may carry (memory-service sends its last 100); more is a 400. */
        @WithDefault("200")
        int maxMemories();

        /** One memory's text in a prompt. */
        @WithDefault("300")
        int maxMemoryChars();

        /** A whole reflection prompt (about 3,000 tokens): memories past it are left out, in the order given. */
        @WithDefault("12000")
        int maxPromptChars();

        /** One insight's text. */
        @WithDefault("300")
        int maxInsightChars();

        /**
         * Importance of a reflection the model could not rate: it sums several memories, so it ranks above an
         * average one.
         */
        @WithDefault("7")
        int reflectionImportance();
    }

    /** The NPC model replicas (OpenAI-compatible servers, vLLM in production). */
    interface Llm {
        /** OpenAI base URLs ending in /v1, one per replica, named npc-1..npc-N in this order (env NPC_LLM_URLS). */
        Optional<List<String>> urls();

        /** Model name to request (env NPC_LLM_MODEL); empty: ask each replica's /v1/models once. */
        Optional<String> model();

        /** Bearer token for the replicas (env NPC_LLM_API_KEY); empty: none. */
        Optional<String> apiKey();

        /** NPC lines are one to three sentences: about 60 tokens; a short cap also frees the replica sooner. */
        @WithDefault("80")
        int maxTokens();

        @WithDefault("0.7")
        double temperature();

        /** Longest line kept after cleaning, in characters. */
        @WithDefault("400")
        int maxReplyChars();

        /** TCP connect timeout per replica: a dead host must fail fast enough to retry elsewhere. */
        @WithDefault("300")
        int connectTimeoutMs();

        /**
         * Longest wait for the first token of an attempt, and for each next one: past it the replica counts as
         * failed (hung or stalled) and the request moves to another replica. Less than half the reply timeout so
         * a retry still fits.
         */
        @WithDefault("1200")
        int tokenTimeoutMs();

        /**
         * Whole reply budget, retries included; past it the retrieval dialog answers. Must stay below the
         * orchestrator's NPC budget (langomni.narration.npc-timeout-ms, 4 s) minus the retrieval dialog's own
         * ranking timeout (300 ms).
         */
        @WithDefault("3000")
        int replyTimeoutMs();

        /** Replicas tried per reply (the first plus retries on other replicas). */
        @WithDefault("3")
        int maxAttempts();

        /** How often each replica's /health and /metrics are read. */
        @WithDefault("1000")
        int probeIntervalMs();

        @WithDefault("800")
        int probeTimeoutMs();

        /** Failures in a row (requests or probes) that eject a replica; a successful probe readmits it. */
        @WithDefault("2")
        int ejectAfter();
    }

    interface Router {
        /** {@code affinity} (rendezvous hashing of npcId:playerId plus a load term) or {@code round-robin}. */
        @WithDefault("affinity")
        String strategy();

        /**
         * What affinity keeps on one replica: {@code npc} (the default: all conversations with an NPC share its
         * replica's cached persona) or {@code conversation} (npcId:playerId; see the routing benchmark).
         */
        @WithDefault("npc")
        String affinityKey();

        /** Requests of load by which the preferred replica may exceed the least-loaded one before diverting. */
        @WithDefault("4")
        double loadMargin();

        /** The margin's share of the least-loaded replica's load (0.5: at 20 requests, 10 more are tolerated). */
        @WithDefault("0.5")
        double loadMarginRatio();

        /** Requests' worth of load that a full KV cache adds to a replica's score. */
        @WithDefault("4")
        double kvWeight();
    }

    /** Limits on what reaches the model (see {@code PromptLimits}). */
    interface Prompt {
        @WithDefault("1500")
        int maxPersonaChars();

        @WithDefault("30")
        int maxKnowledgeLines();

        @WithDefault("4000")
        int maxKnowledgeChars();

        @WithDefault("5")
        int maxMemories();

        @WithDefault("12")
        int maxConversationLines();

        @WithDefault("300")
        int maxLineChars();

        @WithDefault("500")
        int maxPlayerTextChars();

        /** About 2,500 tokens: prefill stays near 100 ms on an 8B replica. */
        @WithDefault("10000")
        int maxPromptChars();
    }

    interface Ranking {
        /**
         * How long to wait for memory-service's semantic ranking before ranking lexically; also the readiness
         * probe's budget. {@code MemoryClient}'s guard applies it to {@code rank}.
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

        /** The circuit breaker around semantic ranking ({@code memory-rank}). */
        Breaker breaker();

        interface Breaker {
            /** Calls in the window the failure ratio is taken over. */
            @WithDefault("6")
            int requestVolume();

            @WithDefault("0.5")
            double failureRatio();

            /** How long it stays open before one call is let through. */
            @WithDefault("5s")
            Duration delay();
        }
    }
}
