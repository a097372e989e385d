package com.langomni.world.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.langomni.api.llm.BackendStatus;
import com.langomni.llm.backend.BackendMonitor;
import com.langomni.llm.backend.BackendProbe;
import com.langomni.llm.openai.ChatMessage;
import com.langomni.llm.openai.ChatRequest;
import com.langomni.llm.openai.ModelList;
import com.langomni.llm.openai.OpenAiClient;
import com.langomni.world.config.WorldConfig;
import io.quarkus.logging.Log;
import io.smallrye.faulttolerance.api.TypedGuard;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.util.TypeLiteral;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The world model, when one is configured ({@code langomni.world.llm.url}): streams chat completions under a
 * circuit breaker, keeps the backend's {@link BackendMonitor} and probes it.
 * <p>
 * The circuit breaker guards a whole answer, deadlines included, so a backend that hangs opens it as surely as one
 * that errors. It is a SmallRye Fault Tolerance {@link TypedGuard} rather than an annotation because its settings
 * come from the typed {@link WorldConfig} and it is named ({@link #CIRCUIT}) for health data and test resets.
 */
@ApplicationScoped
public class WorldModelClient {
    public static final String CIRCUIT = "world-llm";

    private final WorldConfig.Llm config;
    private final Optional<Backend> backend;
    private final TypedGuard<Uni<Completion>> guard;
    private final AtomicReference<String> model = new AtomicReference<>();

    private record Backend(OpenAiClient api, BackendMonitor monitor, BackendProbe probe) {
    }

    public WorldModelClient(WorldConfig world, ObjectMapper json) {
        this.config = world.llm();
        this.backend = config.url().map(String::strip).filter(url -> !url.isEmpty()).map(url -> {
            OpenAiClient api = OpenAiClient.create(url, config.apiKey().orElse(null), config.connectTimeout(),
                    config.totalTimeout(), json);
            BackendMonitor monitor = new BackendMonitor("world", "world", api.baseUrl(), config.model().orElse(null),
                    config.probe().ejectAfter(), System::currentTimeMillis);
            return new Backend(api, monitor,
                    new BackendProbe(monitor, api.rootUrl(), api.baseUrl(), config.probe().timeout()));
        });
        config.model().map(String::strip).filter(m -> !m.isEmpty()).ifPresent(model::set);
        WorldConfig.CircuitBreaker cb = config.circuitBreaker();
        this.guard = TypedGuard.create(new TypeLiteral<Uni<Completion>>() { })
                .withCircuitBreaker().name(CIRCUIT)
                .requestVolumeThreshold(cb.requestVolume()).failureRatio(cb.failureRatio())
                .delay(cb.delay().toMillis(), ChronoUnit.MILLIS).successThreshold(cb.successThreshold())
                .onStateChange(state -> Log.infof("World LLM circuit breaker: %s", state))
                .done().build();
        backend.ifPresent(b -> Log.infof("World LLM backend: %s (model %s)", b.api().baseUrl(),
                model.get() == null ? "from /v1/models" : model.get()));
    }

    public boolean configured() {
        return backend.isPresent();
    }

    /** False while the backend is ejected or unreachable; true when none is configured (nothing is down). */
    public boolean healthy() {
        return backend.map(b -> b.monitor().healthy()).orElse(true);
    }

    /** What is known of the backend's health and load; empty when no LLM is configured. */
    public Optional<BackendMonitor> monitor() {
        return backend.map(Backend::monitor);
    }

    /** The backend's status with the model actually used; empty when no LLM is configured. */
    public Optional<BackendStatus> status() {
        return backend.map(b -> {
            BackendStatus s = b.monitor().status();
            return new BackendStatus(s.name(), s.role(), s.url(), model.get(), s.healthy(), s.inFlight(), s.running(),
                    s.waiting(), s.kvCacheUsage(), s.prefixCacheHitRate(), s.tokensPerSecond(), s.requests(),
                    s.failures(), s.lastError(), s.scrapedAt());
        });
    }

    /** One health and load probe; learns the model name on the way when it is not configured. Never fails. */
    public Uni<Void> probe() {
        if (backend.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Backend b = backend.get();
        return b.probe().probe().chain(() -> model.get() == null && b.monitor().healthy()
                ? model(b).onFailure().recoverWithNull().replaceWithVoid()
                : Uni.createFrom().voidItem());
    }

    /**
     * Streams one answer of at most {@code maxTokens} tokens. Each piece of text goes to {@code onDelta} as it arrives; the Uni ends with the whole
     * answer. Fails with {@link LlmTimeoutException} when no word came within {@code firstTokenWithin} or the answer
     * was not complete within {@code totalWithin} (the HTTP stream is then closed, so the server stops generating),
     * with {@code CircuitBreakerOpenException} while the circuit is open, and with the transport's error otherwise.
     */
    public Uni<Completion> complete(List<ChatMessage> messages, int maxTokens, Duration firstTokenWithin,
                                    Duration totalWithin, Consumer<String> onDelta) {
        return complete(messages, maxTokens, config.temperature(), null, firstTokenWithin, totalWithin, onDelta);
    }

    /**
     * As {@link #complete(List, int, Duration, Duration, Consumer)}, at {@code temperature} and, when
     * {@code responseFormat} is set, constrained to structured output ({@link ChatRequest#jsonSchema}).
     */
    public Uni<Completion> complete(List<ChatMessage> messages, int maxTokens, double temperature,
                                    Map<String, Object> responseFormat, Duration firstTokenWithin,
                                    Duration totalWithin, Consumer<String> onDelta) {
        Backend b = backend.orElseThrow(() -> new IllegalStateException("no world LLM is configured"));
        Uni<Completion> attempt = Uni.createFrom().deferred(() -> model(b)
                .chain(name -> stream(b, ChatRequest.streaming(name, messages, maxTokens, temperature, null)
                        .withResponseFormat(responseFormat), firstTokenWithin, totalWithin, onDelta)));
        return Uni.createFrom().deferred(() -> guard.get(() -> attempt));
    }

    private Uni<Completion> stream(Backend b, ChatRequest request, Duration firstTokenWithin, Duration totalWithin,
                                   Consumer<String> onDelta) {
        StreamAccumulator answer = new StreamAccumulator(onDelta);
        Uni<Completion> whole = b.api().stream(request)
                .onItem().invoke(answer::accept)
                .onItem().ignoreAsUni()
                .map(done -> answer.completion())
                .ifNoItem().after(totalWithin)
                .failWith(() -> new LlmTimeoutException("no complete answer within " + totalWithin.toMillis() + " ms"));
        // fires only if the first word has not come by then; cancelled with the rest when the answer completes
        Uni<Completion> firstTokenWatch = Uni.createFrom().voidItem().onItem().delayIt().by(firstTokenWithin)
                .chain(() -> answer.started() ? Uni.createFrom().<Completion>nothing()
                        : Uni.createFrom().<Completion>failure(new LlmTimeoutException(
                                "no first token within " + firstTokenWithin.toMillis() + " ms")));
        BackendMonitor monitor = b.monitor();
        return Uni.combine().any().<Completion>of(whole, firstTokenWatch)
                .onSubscription().invoke(monitor::started)
                .onItem().invoke(monitor::succeeded)
                .onFailure().invoke(failure -> {
                    if (failure instanceof LlmTimeoutException) {
                        monitor.abandoned(); // the circuit breaker counts it; ejection is for errors and probes
                    } else {
                        monitor.failed(failure);
                    }
                })
                .onCancellation().invoke(monitor::abandoned);
    }

    /** The configured model, else the first one {@code /v1/models} lists (asked once, remembered). */
    private Uni<String> model(Backend b) {
        String known = model.get();
        if (known != null) {
            return Uni.createFrom().item(known);
        }
        return b.api().models().map(WorldModelClient::first).invoke(name -> {
            if (model.compareAndSet(null, name)) {
                Log.infof("World LLM model: %s", name);
            }
        });
    }

    private static String first(ModelList list) {
        if (list == null || list.data() == null || list.data().isEmpty() || list.data().get(0).id() == null) {
            throw new IllegalStateException("/v1/models lists no model; set WORLD_LLM_MODEL");
        }
        return list.data().get(0).id();
    }
}
