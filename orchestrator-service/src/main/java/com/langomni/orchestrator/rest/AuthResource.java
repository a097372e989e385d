package com.langomni.orchestrator.rest;

import com.langomni.api.game.AuthRequest;
import com.langomni.api.game.AuthResponse;
import com.langomni.orchestrator.service.AuthService;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestResponse;

/** Registration and login: a player id and a signed bearer token. */
@Path("/api/auth")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {

    private final AuthService auth;

    AuthResource(AuthService auth) {
        this.auth = auth;
    }

    @POST
    @Path("/register")
    public Uni<RestResponse<AuthResponse>> register(AuthRequest request) {
        return auth.register(request).map(created -> RestResponse.status(Response.Status.CREATED, created));
    }

    @POST
    @Path("/login")
    public Uni<AuthResponse> login(AuthRequest request) {
        return auth.login(request);
    }
}
