package com.langomni.orchestrator.health;

import java.util.Map;

/**
 * Body of {@code GET /api/health/detailed}.
 *
 * @param status {@code UP} (all up), {@code DEGRADED} (a helper service is down: the game still plays) or
 *               {@code DOWN} (PostgreSQL or Redis is down: the game cannot run)
 */
public record HealthReport(String status, Map<String, ComponentHealth> components) {
    public static final String DEGRADED = "DEGRADED";
}
