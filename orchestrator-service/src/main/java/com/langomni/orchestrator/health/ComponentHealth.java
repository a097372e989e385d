package com.langomni.orchestrator.health;

/** One probed component: {@code UP} or {@code DOWN}, how long the probe took and what it saw. */
public record ComponentHealth(String status, long latencyMs, String detail) {
    public static final String UP = "UP";
    public static final String DOWN = "DOWN";

    public boolean up() {
        return UP.equals(status);
    }
}
