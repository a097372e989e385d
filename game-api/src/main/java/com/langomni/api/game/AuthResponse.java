package com.langomni.api.game;

/** A player id and a signed bearer token for it. */
public record AuthResponse(String playerId, String token) {
}
