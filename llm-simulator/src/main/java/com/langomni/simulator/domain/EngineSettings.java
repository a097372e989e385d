package com.langomni.simulator.domain;

/**
 * Everything that shapes the simulated server's capacity and timing. Times are milliseconds.
 *
 * @param servedModelName     the model id clients must send (vLLM's --served-model-name)
 * @param maxNumSeqs          sequences decoded together at most (vLLM --max-num-seqs)
 * @param maxNumBatchedTokens tokens one engine step may process, prefill chunks included (--max-num-batched-tokens)
 * @param maxModelLen         prompt + completion tokens at most (--max-model-len)
 * @param blockSize           tokens per KV block (vLLM's default 16)
 * @param kvCacheBlocks       KV blocks on the GPU(s), shared by running sequences and the prefix cache
 * @param prefillOverheadMs   fixed per-request time before scheduling (HTTP, chat template, tokenising)
 * @param prefillPerTokenMs   step time added per uncached prompt token prefilled in that step
 * @param baseItlMs           step time with a batch of one sequence
 * @param perSeqItlMs         step time added per sequence in the batch (continuous batching slows decode)
 * @param jitter              each step lasts its modelled time × uniform(1 − jitter, 1 + jitter)
 * @param defaultMaxTokens    completion budget when a request names none
 * @param meanOutputTokens    mean length at which an answer "stops" by itself (uniform over 0.5–1.5 × mean)
 * @param maxQueue            waiting requests beyond free slots before new ones are refused; 0 = unbounded (vLLM)
 * @param seed                seed of the jitter
 */
public record EngineSettings(
        String servedModelName,
        int maxNumSeqs,
        int maxNumBatchedTokens,
        int maxModelLen,
        int blockSize,
        int kvCacheBlocks,
        double prefillOverheadMs,
        double prefillPerTokenMs,
        double baseItlMs,
        double perSeqItlMs,
        double jitter,
        int defaultMaxTokens,
        int meanOutputTokens,
        int maxQueue,
        long seed) {

    public EngineSettings {
        require(servedModelName != null && !servedModelName.isBlank(), "served model name must be set");
        require(maxNumSeqs >= 1, "max-num-seqs must be >= 1");
        require(maxNumBatchedTokens >= maxNumSeqs, "max-num-batched-tokens must be >= max-num-seqs");
        require(maxModelLen >= 2, "max-model-len must be >= 2");
        require(blockSize >= 1, "block-size must be >= 1");
        require((long) kvCacheBlocks * blockSize >= maxModelLen,
                "kv-cache-blocks × block-size must hold at least one max-model-len sequence");
        require(prefillOverheadMs >= 0 && prefillPerTokenMs >= 0 && baseItlMs >= 0 && perSeqItlMs >= 0,
                "latencies must be >= 0");
        require(jitter >= 0 && jitter < 1, "jitter must be in [0, 1)");
        require(defaultMaxTokens >= 1 && meanOutputTokens >= 1, "token counts must be >= 1");
        require(maxQueue >= 0, "max-queue must be >= 0");
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
