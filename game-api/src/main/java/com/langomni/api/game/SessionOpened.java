package com.langomni.api.game;

/** A socket session the orchestrator admitted: the welcome snapshot and what the player missed, if asked. */
public record SessionOpened(Welcome welcome, OutboxReplay outbox) {
}
