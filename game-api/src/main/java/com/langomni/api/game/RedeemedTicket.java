package com.langomni.api.game;

/**
 * Whom a redeemed ticket admits: the player and their bearer token, which the gateway keeps in memory for the
 * socket's life (session open and close, actions), exactly as if the client had handed it over.
 */
public record RedeemedTicket(String playerId, String token) {
}
