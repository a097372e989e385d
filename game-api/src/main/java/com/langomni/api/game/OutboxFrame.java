package com.langomni.api.game;

/** One frame of a player's outbox: its sequence number and its JSON text (without the seq property). */
public record OutboxFrame(long seq, String frame) {
}
