package com.langomni.world.service;

import com.langomni.api.narration.NarrationChunk;
import com.langomni.api.narration.NarrationRequest;
import com.langomni.api.narration.NarrationResponse;
import com.langomni.world.client.WorldModelClient;
import com.langomni.world.config.WorldConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

/**
 * Narrates through the configured backend and counts it. Built at startup so a misspelt
 * {@code langomni.world.backend}, or {@code openai} without a URL, stops the service at once instead of failing
 * the first player.
 */
@Startup
@ApplicationScoped
public class NarrationService {
    static final String AUTO = "auto";

    private final NarrationBackend backend;
    private final NarrationMetrics metrics;

    public NarrationService(WorldConfig config, WorldModelClient llm, @Any Instance<NarrationBackend> backends,
                            MeterRegistry registry) {
        this.backend = select(resolve(config.backend(), llm.configured()), backends.stream().toList());
        this.metrics = new NarrationMetrics(registry, backend.name());
        Log.infof("Narration backend: %s", backend.name());
    }

    /** {@code auto} is the LLM when one is configured; naming {@code openai} without one is a mistake. */
    static String resolve(String configured, boolean llmConfigured) {
        String name = configured.strip();
        if (AUTO.equals(name)) {
            return llmConfigured ? OpenAiNarrationBackend.NAME : RulesNarrationBackend.NAME;
        }
        if (OpenAiNarrationBackend.NAME.equals(name) && !llmConfigured) {
            throw new IllegalStateException(
                    "langomni.world.backend=openai needs langomni.world.llm.url (WORLD_LLM_URL)");
        }
        return name;
    }

    static NarrationBackend select(String name, List<NarrationBackend> backends) {
        return backends.stream().filter(b -> b.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("langomni.world.backend=" + name + " is not one of "
                        + AUTO + ", "
                        + backends.stream().map(NarrationBackend::name).collect(Collectors.joining(", "))));
    }

    /** The configured backend's name, for health and diagnostics. */
    public String backendName() {
        return backend.name();
    }

    /** Deltas as they are written, then the final chunk. */
    public Multi<NarrationChunk> stream(NarrationRequest request) {
        long start = System.nanoTime();
        AtomicBoolean deltas = new AtomicBoolean();
        return backend.stream(request).invoke(chunk -> {
            if (!chunk.done()) {
                deltas.set(true);
                return;
            }
            metrics.narrated(request.intent(), chunk.source(), chunk.fallbackReason(), deltas.get(),
                    System.nanoTime() - start);
        });
    }

    /** The whole narration at once: the same pipeline, deltas dropped. */
    public Uni<NarrationResponse> narrate(NarrationRequest request) {
        return stream(request).select().where(NarrationChunk::done).toUni()
                .map(last -> new NarrationResponse(last.text(), last.source()));
    }
}
