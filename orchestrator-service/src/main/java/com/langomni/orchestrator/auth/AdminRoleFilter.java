package com.langomni.orchestrator.auth;

import com.langomni.support.error.ApiException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;

/** After {@link BearerAuthFilter} has authenticated the caller (401 otherwise): a player's token gets 403. */
@Provider
@Admin
@Priority(Priorities.AUTHORIZATION)
public class AdminRoleFilter implements ContainerRequestFilter {

    private final CurrentPlayer caller;

    AdminRoleFilter(CurrentPlayer caller) {
        this.caller = caller;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (!TokenClaims.ROLE_ADMIN.equals(caller.claims().role())) {
            throw ApiException.forbidden("this needs an admin");
        }
    }
}
