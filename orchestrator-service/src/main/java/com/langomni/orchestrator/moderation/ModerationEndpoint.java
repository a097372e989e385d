package com.langomni.orchestrator.moderation;

import com.langomni.orchestrator.common.Breakers;
import io.smallrye.faulttolerance.api.TypedGuard;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.util.TypeLiteral;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The moderation endpoint with the fault tolerance of its calls: a circuit breaker
 * ({@code langomni.moderation.endpoint.breaker.*}) and the check's deadline ({@code ...endpoint.timeout}), applied
 * around the breaker. It fails rather than fall back: {@link Moderation} decides what a failed check means.
 */
@ApplicationScoped
class ModerationEndpoint {

    private final ModerationRestClient client;
    private final Duration timeout;
    private final String model;
    private final String authorization;
    private final TypedGuard<Uni<ModerationRestClient.Response>> breaker;

    ModerationEndpoint(@RestClient ModerationRestClient client, ModerationConfig config) {
        this.client = client;
        this.timeout = config.endpoint().timeout();
        this.model = config.endpoint().model().orElse(null);
        this.authorization = config.endpoint().apiKey().map(key -> "Bearer " + key).orElse(null);
        this.breaker = Breakers.breaker("moderation", new TypeLiteral<Uni<ModerationRestClient.Response>>() { },
                config.endpoint().breaker());
    }

    Uni<Verdict> check(String text) {
        return breaker.get(() -> client.check(authorization, new ModerationRestClient.Request(text, model)))
                .ifNoItem().after(timeout).fail()
                .map(ModerationEndpoint::verdict);
    }

    /** {@code results[0]}: flagged, and the categories that are true. An answer without a result is a failure. */
    private static Verdict verdict(ModerationRestClient.Response response) {
        if (response == null || response.results() == null || response.results().isEmpty()) {
            throw new IllegalStateException("the moderation endpoint answered without a result");
        }
        ModerationRestClient.Result result = response.results().get(0);
        Map<String, Boolean> categories = result.categories() == null ? Map.of() : result.categories();
        List<String> why = categories.entrySet().stream().filter(e -> Boolean.TRUE.equals(e.getValue()))
                .map(Map.Entry::getKey).sorted().toList();
        return new Verdict(result.flagged(), why, Verdict.ENDPOINT);
    }
}
