package com.langomni.simulator.domain;

import java.util.Arrays;
import java.util.Locale;

/**
 * Calibrated server profiles. Sources (details and arithmetic in llm-simulator/README.md):
 * [vllm-args] vLLM engine defaults, vllm/engine/arg_utils.py get_batch_defaults (max-num-batched-tokens 8192
 * for the API server on ≥70 GiB GPUs other than A100) and CacheConfig (block size 16);
 * [llm-d] llm-d-inference-sim docs/latency-profiles.md, reference tables compiled from vLLM, MLPerf and
 * NVIDIA published benchmarks; [design] DESIGN.md §7; [est] our own estimate, said so where used.
 *
 * <p>Prefill is split by one rule: the per-token cost is the compute cost (FLOPs per token ÷ effective
 * FLOP/s), because that is what competes with decode in a busy step; the fixed overhead is the rest of the
 * published light-load TTFT at 256 prompt tokens. Published per-token figures ([llm-d] 0.15–0.30 ms for 8B)
 * fold fixed costs in and would make one 8192-token prefill step last over a second.
 */
public enum Profile {

    /** Llama-3.1-70B-Instruct, BF16, tensor-parallel over 4 × H100-80GB: the world narrator. */
    WORLD_70B("world-70b", new EngineSettings(
            "meta-llama/Llama-3.1-70B-Instruct",
            256,     // [vllm-args] 256 is vLLM's classic default; V1 raises it to 1024 on H100, we keep decode latency bounded
            8192,    // [vllm-args]
            8192,    // deployment choice: enough for world facts + recent events; Llama 3.1 itself allows 131072
            16,      // [vllm-args]
            28_000,  // [est] 4×80 GiB×0.9 − 141 GB weights − ~16 GB activations ≈ 152 GB ÷ 320 KiB/token ≈ 464k tokens
            260,     // [est] TTFT ≈ 325 ms at 256 tokens ([llm-d] 250–400 ms, TP=4 H100) minus 35 ms step, 28 ms prefill
            0.11,    // [est] 2 × 70.6e9 FLOP/token ÷ (4 GPUs × ~400 TFLOP/s × ~0.8 TP efficiency); 1k tokens → TTFT ≈ 405 ms
            35,      // [llm-d] 70B TP=4 ITL 25–40 ms on H100, 40–60 ms on A100 at batch 1
            0.20,    // [llm-d]+[est] time-factor-under-load 2–3 at max-num-seqs: 35 + 0.2×256 ≈ 86 ms (×2.5)
            0.10,    // [llm-d] ITL std-dev is typically 5–15 % of the mean
            512,     // game choice: a narration paragraph with room to spare
            150,     // game choice: narrations run about a paragraph
            0,       // vLLM queues without bound
            42)),

    /** Llama-3.1-8B-Instruct, BF16, one H100-80GB: an NPC dialogue replica. */
    NPC_8B("npc-8b", new EngineSettings(
            "meta-llama/Llama-3.1-8B-Instruct",
            256,     // [vllm-args] / [design]
            8192,    // [vllm-args]
            8192,    // [design] deployment choice
            16,      // [vllm-args]
            26_000,  // [est] 80 GiB×0.9 − 16 GB weights − ~4 GB activations ≈ 57 GB ÷ 128 KiB/token ≈ 435k tokens
            65,      // [est] TTFT ≈ 90 ms at 256 tokens ([design]/[llm-d] 60–120 ms) minus 12 ms step, 10 ms prefill
            0.04,    // [est] 2 × 8.0e9 FLOP/token ÷ ~400 TFLOP/s (≈40 % of H100 BF16 peak); [llm-d] lists 0.15–0.30
            12,      // [llm-d] 8B H100 ITL 10–15 ms at batch 1, their profile uses 12; [design] 10–15 ms
            0.05,    // [llm-d] time-factor-under-load 2.0 for the balanced 8B profile: 12 ms more at 256 sequences
            0.10,    // [llm-d]
            256,     // game choice
            60,      // game choice: an NPC answers in a sentence or three
            0,
            42)),

    /** No latency at all: measures the platform's own overhead. */
    FAST("fast", new EngineSettings(
            "sim-fast",
            1024,
            65_536,
            8192,
            16,
            131_072,
            0, 0, 0, 0, 0,
            256,
            64,
            0,
            42));

    private final String id;
    private final EngineSettings settings;

    Profile(String id, EngineSettings settings) {
        this.id = id;
        this.settings = settings;
    }

    public String id() {
        return id;
    }

    public EngineSettings settings() {
        return settings;
    }

    public static Profile byId(String id) {
        String wanted = id.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(p -> p.id.equals(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown sim.profile '" + id + "', expected one of "
                        + Arrays.stream(values()).map(Profile::id).toList()));
    }
}
