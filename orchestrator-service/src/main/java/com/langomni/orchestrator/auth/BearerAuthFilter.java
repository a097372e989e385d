package com.langomni.orchestrator.auth;

import com.langomni.support.error.ApiException;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Checks the bearer token of {@link Secured} resources: a missing, forged or expired one, or one whose session has
 * ended (logout, password or role change, ban), ends in 401.
 */
public class BearerAuthFilter {

    private final TokenService tokens;
    private final AuthSessions sessions;
    private final CurrentPlayer currentPlayer;

    BearerAuthFilter(TokenService tokens, AuthSessions sessions, CurrentPlayer currentPlayer) {
        this.tokens = tokens;
        this.sessions = sessions;
        this.currentPlayer = currentPlayer;
    }

    @Secured
    @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
    public Uni<Void> authenticate(ContainerRequestContext request, ResourceInfo resource) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        boolean endedAccepted = resource.getResourceMethod() != null
                && resource.getResourceMethod().isAnnotationPresent(EndedSessionAccepted.class);
        TokenClaims claims;
        try {
            claims = endedAccepted ? tokens.identify(header) : tokens.authenticate(header);
        } catch (ApiException refused) {
            return Uni.createFrom().failure(refused);
        }
        // Set now, while the request scope is active here; the resource runs only if the check below succeeds.
        currentPlayer.set(claims);
        return endedAccepted ? Uni.createFrom().voidItem() : sessions.requireLive(claims);
    }
}
