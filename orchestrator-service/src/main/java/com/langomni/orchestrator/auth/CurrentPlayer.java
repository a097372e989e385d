package com.langomni.orchestrator.auth;

import com.langomni.support.error.ApiException;
import jakarta.enterprise.context.RequestScoped;

/** The authenticated caller of the current request, set by {@link BearerAuthFilter}. */
@RequestScoped
public class CurrentPlayer {

    private TokenClaims claims;

    void set(TokenClaims claims) {
        this.claims = claims;
    }

    public TokenClaims claims() {
        if (claims == null) {
            throw ApiException.unauthorized("missing bearer token");
        }
        return claims;
    }

    public String id() {
        return claims().sub();
    }
}
