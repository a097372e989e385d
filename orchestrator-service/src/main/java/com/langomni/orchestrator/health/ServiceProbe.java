package com.langomni.orchestrator.health;

import com.langomni.orchestrator.common.ServicesConfig;
import com.langomni.support.auth.ServiceToken;
import com.langomni.support.auth.ServiceTokens;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.http.HttpClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;

/**
 * Asks another service's {@code /q/health/ready} (or reads another of its endpoints), giving up after the probe
 * timeout. Every request carries our service token: {@code /q/info} needs it (health and metrics do not).
 */
@ApplicationScoped
public class ServiceProbe {

    private final HttpClient http;
    private final Duration timeout;
    private final ServiceTokens tokens;

    ServiceProbe(Vertx vertx, ServicesConfig config, ServiceTokens tokens) {
        this.timeout = config.probeTimeout();
        this.tokens = tokens;
        this.http = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) timeout.toMillis())
                .setKeepAlive(false));
    }

    public Uni<ComponentHealth> ready(String baseUrl) {
        long started = System.nanoTime();
        RequestOptions request = new RequestOptions()
                .setMethod(HttpMethod.GET)
                .setAbsoluteURI(stripSlash(baseUrl) + "/q/health/ready")
                .setTimeout(timeout.toMillis())
                .putHeader(ServiceToken.HEADER, tokens.token());
        return http.request(request)
                .chain(req -> req.send())
                .chain(response -> response.body().map(body -> response.statusCode()))
                .ifNoItem().after(timeout).fail()
                .map(status -> new ComponentHealth(status == 200 ? ComponentHealth.UP : ComponentHealth.DOWN,
                        elapsedMs(started), "HTTP " + status))
                .onFailure().recoverWithItem(failure -> new ComponentHealth(ComponentHealth.DOWN, elapsedMs(started),
                        describe(failure)));
    }

    /** The body of {@code GET baseUrl + path} when it answers 200 within the probe timeout; empty otherwise. */
    public Uni<Optional<String>> text(String baseUrl, String path) {
        RequestOptions request = new RequestOptions()
                .setMethod(HttpMethod.GET)
                .setAbsoluteURI(stripSlash(baseUrl) + path)
                .setTimeout(timeout.toMillis())
                .putHeader(ServiceToken.HEADER, tokens.token());
        return http.request(request)
                .chain(req -> req.send())
                .chain(response -> response.body().map(body -> response.statusCode() == 200
                        ? Optional.of(body.toString()) : Optional.<String>empty()))
                .ifNoItem().after(timeout).fail()
                .onFailure().recoverWithItem(Optional.empty());
    }

    static long elapsedMs(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos).toMillis();
    }

    /**
     * A failed probe as a code: {@code timeout} or {@code unreachable}. The exception's text (host names, addresses,
     * ports) goes to the log only, at debug level: an answer must not map the cluster for whoever reads it.
     */
    static String describe(Throwable failure) {
        Log.debugf("Probe failed: %s", failure.toString());
        return failure.getClass().getSimpleName().contains("Timeout") ? "timeout" : "unreachable";
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
