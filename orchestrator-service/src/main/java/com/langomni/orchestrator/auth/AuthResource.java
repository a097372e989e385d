package com.langomni.orchestrator.auth;

import com.langomni.api.game.AuthRequest;
import com.langomni.api.game.AuthResponse;
import com.langomni.api.game.PasswordChange;
import com.langomni.orchestrator.auth.throttle.ClientAddress;
import com.langomni.orchestrator.auth.throttle.LoginThrottle;
import com.langomni.support.auth.ServiceTokens;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.Cancellable;

/**
 * Registration and login (a player id and a signed bearer token naming a new session), logout, password change.
 * Registration and login answer 429 with {@code Retry-After} past a throttle ({@link LoginThrottle}).
 */
@Path("/api/auth")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {

    private final AuthService auth;
    private final CurrentPlayer caller;
    private final ServiceTokens tokens;

    AuthResource(AuthService auth, CurrentPlayer caller, ServiceTokens tokens) {
        this.tokens = tokens;
        this.auth = auth;
        this.caller = caller;
    }

    @POST
    @Path("/register")
    public Uni<RestResponse<AuthResponse>> register(AuthRequest request, @Context HttpServerRequest http) {
        return auth.register(request, ClientAddress.of(http, tokens))
                .map(created -> RestResponse.status(Response.Status.CREATED, created));
    }

    @POST
    @Path("/login")
    public Uni<AuthResponse> login(AuthRequest request, @Context HttpServerRequest http) {
        return auth.login(request, ClientAddress.of(http, tokens));
    }

    /** 204: the caller's token is refused from now on. */
    @POST
    @Path("/logout")
    @Secured
    @Consumes(MediaType.WILDCARD)
    @Cancellable(false) // a caller that gives up must not leave the session half ended
    public Uni<RestResponse<Void>> logout() {
        return auth.logout(caller.claims()).map(done -> RestResponse.noContent());
    }

    /** A fresh token, as from a login; every older token of the player is refused from now on. */
    @POST
    @Path("/password")
    @Secured
    @Cancellable(false)
    public Uni<AuthResponse> changePassword(PasswordChange request) {
        return auth.changePassword(caller.claims(), request);
    }
}
