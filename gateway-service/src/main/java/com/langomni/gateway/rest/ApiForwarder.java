package com.langomni.gateway.rest;

import java.util.HashSet;
import java.util.List;
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
import com.langomni.support.auth.ServiceToken;
import com.langomni.support.auth.ServiceTokens;

import io.quarkus.logging.Log;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
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
 * Forwards {@code /api/**} to the orchestrator so players and the admin panel use one origin (DESIGN §6). A request
 * body is read whole up to {@code langomni.gateway.api.max-body-bytes} (64 KiB; more is answered 413
 * {@code too_large} and never forwarded), answers stream back; status and headers are preserved except hop-by-hop
 * ones. {@code X-Forwarded-For} is replaced by the one client address this gateway vouches for
 * ({@link ClientAddresses}), which the orchestrator's per-address throttles count. Only {@code /api} is forwarded:
 * {@code /internal/**} and {@code /q/**} of the orchestrator stay unreachable from outside.
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
    private final ClientAddresses clients;
    private final int maxBody;
    private final ServiceTokens tokens;
    /** The orchestrator's {@code ClientAddress.VOUCHED_BY}. */
    static final String VOUCHED_BY = "X-Gateway-Token";

    public ApiForwarder(Vertx vertx, GatewayConfig config, ObjectMapper mapper, ServiceTokens tokens) {
        this.tokens = tokens;
        this.config = config;
        this.mapper = mapper;
        this.clients = new ClientAddresses(config.api().trustedProxies().orElse(List.of()));
        this.maxBody = config.api().maxBodyBytes();
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
        if (!hasBody(in)) {
            send(rc, null);
            return;
        }
        if (declaredLength(in) > maxBody) {
            tooLarge(rc);
            return;
        }
        if ("100-continue".equalsIgnoreCase(in.getHeader(HttpHeaders.EXPECT))) {
            rc.response().writeContinue(); // the body is read here, not upstream: this gateway says go on
        }
        // Read whole, counting, before anything goes upstream: a body over the cap must never reach the orchestrator.
        Buffer body = Buffer.buffer();
        in.handler(chunk -> {
            if (rc.response().ended()) {
                return;
            }
            if (body.length() + chunk.length() > maxBody) {
                tooLarge(rc);
                return;
            }
            body.appendBuffer(chunk);
        });
        in.endHandler(end -> {
            if (!rc.response().ended()) {
                send(rc, body);
            }
        });
        in.resume();
    }

    private void send(RoutingContext rc, Buffer body) {
        HttpServerRequest in = rc.request();
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
                    if (body != null) {
                        out.headers().remove(HttpHeaders.TRANSFER_ENCODING).remove(HttpHeaders.CONTENT_LENGTH);
                        return out.send(body);
                    }
                    in.resume();
                    return out.send();
                })
                .onSuccess(answer -> relay(answer, rc.response()))
                .onFailure(failure -> fail(rc, failure));
    }

    private MultiMap requestHeaders(HttpServerRequest in) {
        MultiMap headers = copyWithoutHopByHop(in.headers());
        headers.remove(HttpHeaders.EXPECT); // answered here: the body goes upstream whole
        String peer = in.remoteAddress() == null ? null : in.remoteAddress().hostAddress();
        headers.set("X-Forwarded-For", clients.client(peer, in.headers().getAll("X-Forwarded-For")));
        // Vouches for that address: the orchestrator believes X-Forwarded-For only with a service token in
        // X-Gateway-Token. Not in X-Service-Token: a player's request must carry no credential for internal routes.
        // Whatever a client sent in either header is never passed on.
        headers.remove(ServiceToken.HEADER);
        headers.remove(VOUCHED_BY);
        if (tokens.enabled()) {
            headers.set(VOUCHED_BY, tokens.token());
        }
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

    /** 413 without forwarding anything; the connection closes, so the rest of the upload is not read. */
    private void tooLarge(RoutingContext rc) {
        HttpServerResponse response = rc.response();
        if (response.ended() || response.headWritten()) {
            return;
        }
        ErrorBody body = new ErrorBody(ErrorCodes.TOO_LARGE, "A request body has at most " + maxBody + " bytes.");
        response.setStatusCode(413)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(json(body));
    }

    private static long declaredLength(HttpServerRequest in) {
        String length = in.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            return -1;
        }
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE; // not a length: refused like one too large
        }
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
