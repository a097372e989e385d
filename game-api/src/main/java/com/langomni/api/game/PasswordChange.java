package com.langomni.api.game;

/** Body of {@code POST /api/auth/password}; the answer is an {@link AuthResponse} with a fresh token. */
public record PasswordChange(String currentPassword, String newPassword) {
}
