package com.langomni.gateway.rest;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.langomni.api.protocol.ErrorBody;
import com.langomni.api.protocol.ErrorCodes;
import com.langomni.gateway.config.GatewayConfig;

import io.quarkus.logging.Log;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Forwards {@code /api/**} to the orchestrator so players and the admin panel use one origin (DESIGN §6). Bodies
 * stream through both ways, status and headers are preserved except hop-by-hop ones. Only {@code /api} is
 * forwarded: {@code /internal/**} and {@code /q/**} of the orchestrator stay unreachable from outside.
 */
@ApplicationScoped
public class ApiForwarder {

    /** RFC 9110 §7.6.1 connection-specific headers, plus Host, which the client sets for the orchestrator. */
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade", "host");

    private final GatewayConfig config;
    private final ObjectMapper mapper;
    private final HttpClient client;
    private final String base;

    public ApiForwarder(Vertx vertx, GatewayConfig config, ObjectMapper mapper) {
        this.config = config;
        this.mapper = mapper;
        this.base = config.orchestrator().url().replaceAll("/+$", "");
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) config.orchestrator().proxyConnectTimeout().toMillis())
                .setMaxPoolSize(64)
                .setKeepAlive(true));
    }

    void routes(@Observes Router router) {
        router.route("/api/*").handler(this::forward);
    }

    @PreDestroy
    void close() {
        client.close();
    }

    private void forward(RoutingContext rc) {
        HttpServerRequest in = rc.request();
        // Hold the body until the orchestrator connection is there to take it.
        in.pause();
        String query = in.query();
        RequestOptions options = new RequestOptions()
                .setMethod(in.method())
                .setAbsoluteURI(base + rc.normalizedPath() + (query == null ? "" : "?" + query))
                .setIdleTimeout(config.orchestrator().proxyIdleTimeout().toMillis())
                .setHeaders(requestHeaders(in));
        client.request(options)
                .compose(out -> {
                    // The caller leaving ends the exchange upstream too: an endless answer (the admin event stream)
                    // would otherwise hold a pooled orchestrator connection for good.
                    rc.response().closeHandler(v -> out.reset());
                    if (hasBody(in)) {
                        out.setChunked(!out.headers().contains(HttpHeaders.CONTENT_LENGTH));
                        return out.send(in);
                    }
                    in.resume();
                    return out.send();
                })
                .onSuccess(answer -> relay(answer, rc.response()))
                .onFailure(failure -> fail(rc, failure));
    }

    private static MultiMap requestHeaders(HttpServerRequest in) {
        MultiMap headers = copyWithoutHopByHop(in.headers());
        headers.add("X-Forwarded-For", in.remoteAddress() == null ? "unknown" : in.remoteAddress().hostAddress());
        headers.set("X-Forwarded-Proto", in.scheme() == null ? "http" : in.scheme());
        if (in.authority() != null) {
            headers.set("X-Forwarded-Host", in.authority().toString());
        }
        return headers;
    }

    private static void relay(HttpClientResponse answer, HttpServerResponse response) {
        response.setStatusCode(answer.statusCode());
        if (answer.statusMessage() != null) {
            response.setStatusMessage(answer.statusMessage());
        }
        response.headers().addAll(copyWithoutHopByHop(answer.headers()));
        if (!response.headers().contains(HttpHeaders.CONTENT_LENGTH)) {
            response.setChunked(true);
        }
        answer.pipeTo(response).onFailure(failure ->
                Log.debugf("Forwarded answer interrupted: %s", failure.toString()));
    }

    private void fail(RoutingContext rc, Throwable failure) {
        HttpServerResponse response = rc.response();
        if (response.headWritten()) {
            response.reset(); // mid-stream: the only honest signal left is a broken response
            return;
        }
        // Vert.x and Netty report connect and idle timeouts with their own *TimeoutException types.
        boolean timeout = failure.getClass().getSimpleName().contains("Timeout");
        Log.warnf("Cannot forward %s %s to the orchestrator: %s", rc.request().method(), rc.normalizedPath(), failure.toString());
        ErrorBody body = new ErrorBody(ErrorCodes.UNAVAILABLE, timeout
                ? "The game server did not answer in time."
                : "The game server is unavailable; try again shortly.");
        rc.request().resume();
        response.setStatusCode(timeout ? 504 : 502)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .end(json(body));
    }

    private String json(ErrorBody body) {
        try {
            return mapper.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean hasBody(HttpServerRequest in) {
        String length = in.getHeader(HttpHeaders.CONTENT_LENGTH);
        return in.getHeader(HttpHeaders.TRANSFER_ENCODING) != null || (length != null && !"0".equals(length.trim()));
    }

    /** Drops hop-by-hop headers, including any the sender named in its Connection header. */
    private static MultiMap copyWithoutHopByHop(MultiMap source) {
        Set<String> named = new HashSet<>();
        for (String connection : source.getAll(HttpHeaders.CONNECTION)) {
            for (String token : connection.split(",")) {
                named.add(token.trim().toLowerCase(Locale.ROOT));
            }
        }
        MultiMap copy = MultiMap.caseInsensitiveMultiMap();
        source.forEach(header -> {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (!HOP_BY_HOP.contains(name) && !named.contains(name)) {
                copy.add(header.getKey(), header.getValue());
            }
        });
        return copy;
    }
}
