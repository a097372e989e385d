package com.langomni.orchestrator.auth;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import com.langomni.support.error.ApiException;

/**
 * Issues and checks bearer tokens: their signature and expiry (whether their session still lives is
 * {@link AuthSessions}' part). Tokens are never logged. Created at startup so a weak secret is reported at once.
 */
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

    /** When a token issued at {@code now} expires (its session expires with it). */
    public Instant expiry(Instant now) {
        return now.plus(config.tokenTtl());
    }

    public String issue(String playerId, String name, String role, UUID sessionId, Instant expiresAt) {
        return codec.encode(new TokenClaims(playerId, name, role, sessionId.toString(), expiresAt.getEpochSecond()));
    }

    /** The claims of an {@code Authorization: Bearer <token>} header, or 401. */
    public TokenClaims authenticate(String authorizationHeader) {
        return codec.decode(token(authorizationHeader), clock.instant().getEpochSecond())
                .orElseThrow(() -> ApiException.unauthorized("invalid or expired token"));
    }

    /** Like {@link #authenticate}, but an expired token still names its player (a socket may outlive its token). */
    public TokenClaims identify(String authorizationHeader) {
        return codec.decode(token(authorizationHeader), Long.MIN_VALUE)
                .orElseThrow(() -> ApiException.unauthorized("invalid token"));
    }

    private static String token(String authorizationHeader) {
        if (authorizationHeader == null
                || !authorizationHeader.toLowerCase(Locale.ROOT).startsWith(BEARER)) {
            throw ApiException.unauthorized("missing bearer token");
        }
        return authorizationHeader.substring(BEARER.length()).strip();
    }
}
