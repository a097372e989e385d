package com.langomni.orchestrator.auth.throttle;

import com.langomni.support.auth.ServiceToken;
import com.langomni.support.auth.ServiceTokens;
import io.vertx.core.http.HttpServerRequest;

/**
 * The address of the client behind a request, for the per-address throttles. Players reach this service only
 * through a gateway, which sets {@code X-Forwarded-For} to the one address it vouches for (its peer, or what a
 * trusted ingress told it): its first entry is the client. The header is believed only from a caller that proves
 * it is one of our services (a service token in {@link #VOUCHED_BY}, which the gateway's proxy adds): anyone else who reaches this
 * port could otherwise pick a fresh address per request and escape the per-address budgets. Without a believed
 * header the peer's own address counts.
 */
public final class ClientAddress {

    public static final String FORWARDED_FOR = "X-Forwarded-For";
    /**
     * A service token that vouches for {@link #FORWARDED_FOR}, in a header of its own: the gateway adds it to the
     * players' requests it forwards, where an {@code X-Service-Token} would be a credential for internal routes.
     */
    public static final String VOUCHED_BY = "X-Gateway-Token";
    /** Longer than any IPv6 text form: anything longer is no address, and must not become a huge Redis key. */
    private static final int MAX_LENGTH = 64;

    private ClientAddress() {
    }

    public static String of(HttpServerRequest request, ServiceTokens tokens) {
        String forwarded = request.getHeader(FORWARDED_FOR);
        boolean vouched = !tokens.enabled()
                || tokens.verify(request.getHeader(VOUCHED_BY)) == ServiceToken.Verdict.OK;
        if (forwarded != null && vouched) {
            int comma = forwarded.indexOf(',');
            String first = (comma < 0 ? forwarded : forwarded.substring(0, comma)).strip();
            if (!first.isEmpty()) {
                return first.length() > MAX_LENGTH ? first.substring(0, MAX_LENGTH) : first;
            }
        }
        return request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
    }
}
