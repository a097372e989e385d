package com.langomni.api.game;

/**
 * A player id and a signed bearer token for it, with the name as stored and the role ({@code player} or
 * {@code admin}) so a client knows which pages to offer; the server checks the role in the token either way.
 */
public record AuthResponse(String playerId, String token, String name, String role) {
}
