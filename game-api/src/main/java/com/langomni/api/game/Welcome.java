package com.langomni.api.game;

/** What the orchestrator returns when a socket session opens; the gateway sends it as a {@code welcome} frame. */
public record Welcome(PlayerView player, LocationView location) {
}
