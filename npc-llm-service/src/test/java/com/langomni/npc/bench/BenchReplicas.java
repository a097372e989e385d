package com.langomni.npc.bench;

import com.langomni.testkit.LlmSimulator;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Four llm-simulator processes at the {@code npc-8b} profile (prefix caching on, as in vLLM), with the KV room a
 * replica has when four 8B replicas share GPUs:
 * <p>
 * {@value #KV_BLOCKS} blocks of 16 tokens = 32k tokens = 4 GiB of KV at Llama-3.1-8B's 128 KiB per token. That is
 * what each replica keeps when two replicas share a 48 GB GPU (2 × L40S for the four): 0.45 × 48 GB − 16 GB of
 * BF16 weights − about 1.5 GB of activations and CUDA graphs. The profile's timing knobs stay those of an H100, so
 * absolute latencies are optimistic for that GPU; the comparison between strategies is the point.
 */
public class BenchReplicas implements QuarkusTestResourceLifecycleManager {
    static final int REPLICAS = 4;
    static final int KV_BLOCKS = 2048;
    static final List<LlmSimulator> SIMS = new CopyOnWriteArrayList<>();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Override
    public Map<String, String> start() {
        Map<String, String> env = Map.of("SIM_KV_CACHE_BLOCKS", Integer.toString(KV_BLOCKS), "SIM_SEED", "7");
        List<CompletableFuture<LlmSimulator>> starting = IntStream.range(0, REPLICAS)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> LlmSimulator.start("npc-8b", env))).toList();
        starting.forEach(f -> SIMS.add(f.join()));
        Map<String, String> config = new HashMap<>();
        config.put("langomni.npc.llm.urls", SIMS.stream().map(LlmSimulator::openAiUrl).collect(Collectors.joining(",")));
        // the benchmark measures routing, not fallbacks: no attempt is abandoned for slowness
        config.put("langomni.npc.llm.token-timeout-ms", "60000");
        config.put("langomni.npc.llm.reply-timeout-ms", "120000");
        config.put("quarkus.log.category.\"com.langomni\".level", "INFO");
        return config;
    }

    @Override
    public void stop() {
        SIMS.forEach(LlmSimulator::close);
        SIMS.clear();
    }

    /** Empties every replica's prefix cache (vLLM's /reset_prefix_cache), so each run starts cold. */
    static void resetPrefixCaches() {
        SIMS.forEach(s -> post(s.baseUrl() + "/reset_prefix_cache"));
    }

    private static void post(String url) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() >= 300) {
                throw new IllegalStateException(url + " answered " + r.statusCode());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
