package com.langomni.support.auth;

import jakarta.inject.Singleton;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;

/**
 * Puts this service's {@link ServiceToken} on every call of a REST client to another LangOmni service: named on
 * the client ({@code @RegisterProvider(ServiceTokenClientFilter.class)}, or {@code register(...)} on a builder),
 * never a global {@code @Provider}: the clients of LLM and embedding servers we do not own must not carry it.
 */
@Singleton
public class ServiceTokenClientFilter implements ClientRequestFilter {

    private final ServiceTokens tokens;

    public ServiceTokenClientFilter(ServiceTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public void filter(ClientRequestContext request) {
        request.getHeaders().putSingle(ServiceToken.HEADER, tokens.token());
    }
}
