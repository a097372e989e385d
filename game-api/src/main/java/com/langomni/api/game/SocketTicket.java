package com.langomni.api.game;

/**
 * The answer of {@code POST /api/auth/ticket}: a single-use ticket that opens one player socket
 * ({@code /ws/game/{playerId}?ticket=<ticket>}) within {@code expiresInSeconds}, so the bearer token never travels
 * in a URL (URLs end up in proxy and ingress logs).
 */
public record SocketTicket(String ticket, int expiresInSeconds) {
}
