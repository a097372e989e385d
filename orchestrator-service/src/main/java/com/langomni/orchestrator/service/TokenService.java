package com.langomni.orchestrator.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.langomni.orchestrator.config.AuthConfig;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Locale;

/** Issues and checks bearer tokens. Tokens are never logged. Created at startup so a weak secret is reported at once. */
@Startup
@ApplicationScoped
public class TokenService {

    private static final String BEARER = "bearer ";
    private static final int WEAK_SECRET_CHARS = 32;

    private final TokenCodec codec;
    private final AuthConfig config;
    private final Clock clock;

    TokenService(AuthConfig config, ObjectMapper json) {
        this.codec = new TokenCodec(config.secret(), json);
        this.config = config;
        this.clock = Clock.systemUTC();
        if (config.secret().length() < WEAK_SECRET_CHARS) {
            Log.warnf("langomni.auth.secret is shorter than %d characters; use a long random secret", WEAK_SECRET_CHARS);
        }
    }

    public String issue(String playerId, String name, String role) {
        long expiresAt = clock.instant().plus(config.tokenTtl()).getEpochSecond();
        return codec.encode(new TokenClaims(playerId, name, role, expiresAt));
    }

    /** The claims of an {@code Authorization: Bearer <token>} header, or 401. */
    public TokenClaims authenticate(String authorizationHeader) {
        if (authorizationHeader == null
                || !authorizationHeader.toLowerCase(Locale.ROOT).startsWith(BEARER)) {
            throw ApiException.unauthorized("missing bearer token");
        }
        String token = authorizationHeader.substring(BEARER.length()).strip();
        return codec.decode(token, clock.instant().getEpochSecond())
                .orElseThrow(() -> ApiException.unauthorized("invalid or expired token"));
    }
}
