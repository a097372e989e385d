package com.langomni.api.game;

/** Body of {@code POST /api/auth/register} and {@code /api/auth/login}. */
public record AuthRequest(String name, String password) {
}
