package com.langomni.orchestrator.admin.topology;

import java.util.List;
import java.util.Map;

/**
 * Body of {@code GET /api/admin/topology} and of the stream's {@code topology} events: the running system as a
 * graph, from live probes.
 *
 * @param status {@code UP}, {@code DEGRADED} (something the game can do without is down) or {@code DOWN}
 *               (PostgreSQL or Redis is down)
 */
public record Topology(long at, String status, List<Node> nodes, List<Edge> edges) {

    public static final String SERVICE = "service";
    public static final String STORE = "store";
    public static final String LLM = "llm";

    /**
     * One part of the system.
     *
     * @param kind          {@code service}, {@code store} or {@code llm}
     * @param status        {@code UP} or {@code DOWN}
     * @param latencyMs     how long its probe took (null when it was not probed itself)
     * @param version       its {@code /q/info} build version (null when unknown)
     * @param uptimeSeconds its {@code process_uptime_seconds} (null when unknown)
     * @param metrics       a few key figures
     */
    public record Node(String id, String kind, String name, String status, String detail, Long latencyMs,
                       String url, String version, Double uptimeSeconds, Map<String, Object> metrics) {
    }

    /** {@code from} calls or uses {@code to}. */
    public record Edge(String from, String to) {
    }
}
