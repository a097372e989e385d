package com.langomni.gateway.rest;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.langomni.gateway.config.GatewayConfig;

import io.quarkus.logging.Log;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;

/**
 * Browser security headers on every answer of the gateway (the web client's page and bundle, /env.js, /api/**), so
 * the page is safe without nginx in front too (make run). The Content-Security-Policy fits what admin-ui loads: its
 * own scripts (the bundle and /env.js, no inline script), its own stylesheet (React's style props go through the DOM,
 * which CSP allows), same-origin fetches, the server-sent admin stream and the player socket ('self' covers ws/wss of
 * the page's host), plus the origins the UI is configured to call ({@code langomni.gateway.ui.api-base} / {@code
 * ws-base}). No framing at all (clickjacking), no referrer, no MIME sniffing, no powerful browser features.
 */
@ApplicationScoped
public class SecurityHeaders {

    /** Runs before the routes (static files, the UI routes, the API forwarding, the socket upgrade). */
    private static final int PRIORITY = 100;

    private final Map<String, String> headers;

    public SecurityHeaders(GatewayConfig config) {
        this.headers = headers(config.ui());
    }

    void register(@Observes Filters filters) {
        filters.register(rc -> {
            MultiMap response = rc.response().headers();
            headers.forEach(response::set);
            rc.next();
        }, PRIORITY);
    }

    /** The headers and their values, in a stable order. */
    static Map<String, String> headers(GatewayConfig.Ui ui) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Security-Policy", contentSecurityPolicy(ui));
        headers.put("X-Frame-Options", "DENY");
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("Referrer-Policy", "no-referrer");
        headers.put("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()");
        headers.put("Cross-Origin-Opener-Policy", "same-origin");
        return Map.copyOf(headers);
    }

    static String contentSecurityPolicy(GatewayConfig.Ui ui) {
        Set<String> connect = new LinkedHashSet<>();
        connect.add("'self'");
        Stream.of(ui.apiBase(), ui.wsBase()).flatMap(Optional::stream).map(SecurityHeaders::origin)
                .flatMap(Optional::stream).forEach(connect::add);
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
                + "connect-src " + String.join(" ", connect) + "; object-src 'none'; base-uri 'none'; "
                + "form-action 'self'; frame-ancestors 'none'";
    }

    /** scheme://host[:port] of a configured base URL; empty (and a warning) for anything else. */
    static Optional<String> origin(String url) {
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
            if (Set.of("http", "https", "ws", "wss").contains(scheme) && uri.getHost() != null) {
                return Optional.of(scheme + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort()));
            }
        } catch (URISyntaxException e) {
            // not a URL: left out below
        }
        if (!url.isBlank()) {
            Log.warnf("Not an http(s)/ws(s) origin, left out of the Content-Security-Policy: %s", url);
        }
        return Optional.empty();
    }
}
