package com.langomni.world.service;

import com.langomni.api.narration.NarrationRequest;
import com.langomni.api.narration.NarrationResponse;
import com.langomni.world.config.WorldConfig;
import com.langomni.world.domain.Intents;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Narrates through the configured backend and counts it. Built at startup so a misspelt
 * {@code langomni.world.backend} stops the service at once instead of failing the first player.
 */
@Startup
@ApplicationScoped
public class NarrationService {
    private final NarrationBackend backend;
    private final MeterRegistry registry;
    private final Timer timer;

    public NarrationService(WorldConfig config, @Any Instance<NarrationBackend> backends, MeterRegistry registry) {
        this.backend = select(config.backend(), backends.stream().toList());
        this.registry = registry;
        this.timer = Timer.builder("langomni.narration.duration").description("Time to narrate one action")
                .tag("backend", backend.name()).register(registry);
        Log.infof("Narration backend: %s", backend.name());
    }

    static NarrationBackend select(String name, List<NarrationBackend> backends) {
        return backends.stream().filter(b -> b.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("langomni.world.backend=" + name + " is not one of "
                        + backends.stream().map(NarrationBackend::name).collect(Collectors.joining(", "))));
    }

    /** The configured backend's name, for health and diagnostics. */
    public String backendName() {
        return backend.name();
    }

    public Uni<NarrationResponse> narrate(NarrationRequest request) {
        Timer.Sample sample = Timer.start(registry);
        return backend.narrate(request).invoke(response -> {
            sample.stop(timer);
            // the intent tag is clamped to the known set: callers must not be able to mint new time series
            Counter.builder("langomni.narrations").description("Narrations written")
                    .tag("backend", backend.name()).tag("source", response.source())
                    .tag("intent", Intents.normalize(request.intent()))
                    .register(registry).increment();
        });
    }
}
