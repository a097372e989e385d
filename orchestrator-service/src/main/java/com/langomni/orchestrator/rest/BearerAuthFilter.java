package com.langomni.orchestrator.rest;

import com.langomni.orchestrator.service.TokenService;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

/** Checks the bearer token of {@link Secured} resources; a missing, forged or expired one ends in 401. */
@Provider
@Secured
@Priority(Priorities.AUTHENTICATION)
public class BearerAuthFilter implements ContainerRequestFilter {

    private final TokenService tokens;
    private final CurrentPlayer currentPlayer;

    BearerAuthFilter(TokenService tokens, CurrentPlayer currentPlayer) {
        this.tokens = tokens;
        this.currentPlayer = currentPlayer;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        currentPlayer.set(tokens.authenticate(request.getHeaderString(HttpHeaders.AUTHORIZATION)));
    }
}
