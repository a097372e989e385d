package com.langomni.orchestrator.auth.throttle;

import io.vertx.core.http.HttpServerRequest;

/**
 * The address of the client behind a request, for the per-address throttles. Players reach this service only
 * through a gateway, which sets {@code X-Forwarded-For} to the one address it vouches for (its peer, or what a
 * trusted ingress told it): its first entry is the client. Without the header (a call from inside the cluster) the
 * peer's own address counts.
 */
public final class ClientAddress {

    public static final String FORWARDED_FOR = "X-Forwarded-For";
    /** Longer than any IPv6 text form: anything longer is no address, and must not become a huge Redis key. */
    private static final int MAX_LENGTH = 64;

    private ClientAddress() {
    }

    public static String of(HttpServerRequest request) {
        String forwarded = request.getHeader(FORWARDED_FOR);
        if (forwarded != null) {
            int comma = forwarded.indexOf(',');
            String first = (comma < 0 ? forwarded : forwarded.substring(0, comma)).strip();
            if (!first.isEmpty()) {
                return first.length() > MAX_LENGTH ? first.substring(0, MAX_LENGTH) : first;
            }
        }
        return request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
    }
}
