package com.langomni.llm.backend;

import com.langomni.support.metrics.PrometheusText;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Probes one backend: {@code /health} decides whether it is in service, {@code /metrics} gives its load. A server
 * without {@code /metrics} (Ollama) is still healthy, just without figures; one without {@code /health} is judged
 * by {@code /v1/models}.
 */
public final class BackendProbe {
    private final BackendMonitor monitor;
    private final BackendOpsApi root;
    private final BackendOpsApi openAi;
    private final Duration timeout;

    /**
     * @param rootUrl   where {@code /health} and {@code /metrics} live (the OpenAI base URL without /v1)
     * @param openAiUrl the base URL ending in /v1, probed at {@code /models} when there is no {@code /health}
     */
    public BackendProbe(BackendMonitor monitor, String rootUrl, String openAiUrl, Duration timeout) {
        this.monitor = monitor;
        this.root = client(rootUrl, timeout);
        this.openAi = client(openAiUrl, timeout);
        this.timeout = timeout;
    }

    /** One probe; never fails: the outcome is recorded on the monitor. */
    public Uni<Void> probe() {
        return status(root.health())
                .chain(status -> status == 404 ? status(openAi.models()) : Uni.createFrom().item(status))
                .ifNoItem().after(timeout).fail()
                .chain(status -> status == 200 ? scrape()
                        : Uni.createFrom().item(Outcome.down("health answered " + status)))
                .onFailure().recoverWithItem(Outcome::unreachable)
                .invoke(outcome -> {
                    if (outcome.healthy()) {
                        monitor.probeSucceeded(outcome.sample());
                    } else {
                        monitor.probeFailed(outcome.reason());
                    }
                })
                .replaceWithVoid();
    }

    private Uni<Outcome> scrape() {
        return root.metrics()
                .map(r -> {
                    try {
                        if (r.getStatus() != 200) {
                            return Outcome.up(null);
                        }
                        return Outcome.up(VllmSample.from(PrometheusText.parse(r.readEntity(String.class)).sums(),
                                monitor.now()));
                    } finally {
                        r.close();
                    }
                })
                .ifNoItem().after(timeout).recoverWithItem(Outcome.up(null))
                .onFailure().recoverWithItem(Outcome.up(null)); // healthy, just without figures
    }

    /** The HTTP status, whether the client reports it as a response or as an exception. */
    private static Uni<Integer> status(Uni<Response> call) {
        return call.map(r -> {
                    int status = r.getStatus();
                    r.close();
                    return status;
                })
                .onFailure(WebApplicationException.class)
                .recoverWithItem(f -> ((WebApplicationException) f).getResponse().getStatus());
    }

    private static BackendOpsApi client(String url, Duration timeout) {
        return QuarkusRestClientBuilder.newBuilder()
                .baseUri(URI.create(url))
                .connectTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .build(BackendOpsApi.class);
    }

    private record Outcome(boolean healthy, VllmSample sample, String reason) {
        static Outcome up(VllmSample sample) {
            return new Outcome(true, sample, null);
        }

        static Outcome down(String reason) {
            return new Outcome(false, null, reason);
        }

        static Outcome unreachable(Throwable failure) {
            return down(BackendMonitor.unreachable(failure)); // worded as a request that could not connect is
        }
    }
}
