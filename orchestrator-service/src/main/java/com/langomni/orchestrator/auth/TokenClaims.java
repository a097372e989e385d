package com.langomni.orchestrator.auth;

/**
 * What a bearer token asserts.
 *
 * @param sub       player id
 * @param role      {@code player} or {@code admin}
 * @param sid       the server-side session ({@link AuthSessions}); the token is honoured only while it lives
 * @param expiresAt epoch seconds after which the token is refused
 */
public record TokenClaims(String sub, String name, String role, String sid, long expiresAt) {
    public static final String ROLE_PLAYER = "player";
    public static final String ROLE_ADMIN = "admin";
}
