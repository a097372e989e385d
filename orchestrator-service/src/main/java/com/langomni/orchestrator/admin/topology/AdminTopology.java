package com.langomni.orchestrator.admin.topology;

import com.langomni.support.metrics.PrometheusText;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.langomni.api.llm.BackendStatus;
import com.langomni.orchestrator.memory.client.MemoryClient;
import com.langomni.orchestrator.memory.client.MemoryStoreStats;
import com.langomni.orchestrator.common.ServicesConfig;
import com.langomni.orchestrator.admin.stats.StatsWindow;
import com.langomni.orchestrator.health.ComponentHealth;
import com.langomni.orchestrator.health.DetailedHealth;
import com.langomni.orchestrator.health.HealthReport;
import com.langomni.orchestrator.health.ServiceProbe;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import com.langomni.orchestrator.admin.stats.AdminStats;

/**
 * The running system as a graph for the Architecture page, from live probes made at once, each within the probe
 * timeout (langomni.services.probe-timeout): every service's readiness (the same probes as
 * {@code /api/health/detailed}), its {@code /q/info} build version and {@code /q/metrics} uptime and key figures,
 * memory-service's store, and the LLM backends behind world-llm and npc-llm. A service that does not answer is
 * DOWN with null version and uptime.
 */
@ApplicationScoped
public class AdminTopology {

    static final String GATEWAY = "gateway";
    static final String ORCHESTRATOR = "orchestrator";
    static final String WORLD_LLM = "world-llm";
    static final String NPC_LLM = "npc-llm";
    static final String MEMORY = "memory";
    static final String POSTGRESQL = "postgresql";
    static final String REDIS = "redis";
    static final String MEMORY_STORE = "memory-store";
    static final String LLM_PREFIX = "llm:";

    private static final List<Topology.Edge> FIXED_EDGES = List.of(edge(GATEWAY, ORCHESTRATOR), edge(GATEWAY, REDIS),
            edge(ORCHESTRATOR, POSTGRESQL), edge(ORCHESTRATOR, REDIS), edge(ORCHESTRATOR, WORLD_LLM),
            edge(ORCHESTRATOR, NPC_LLM), edge(ORCHESTRATOR, MEMORY), edge(NPC_LLM, MEMORY), edge(MEMORY, MEMORY_STORE));

    private final DetailedHealth health;
    private final ServiceProbe probe;
    private final ServicesConfig services;
    private final LlmBackends backends;
    private final MemoryClient memory;
    private final AdminStats stats;
    private final ObjectMapper json;
    private final Optional<String> version;

    AdminTopology(DetailedHealth health, ServiceProbe probe, ServicesConfig services, LlmBackends backends,
                  MemoryClient memory, AdminStats stats, ObjectMapper json,
                  @ConfigProperty(name = "quarkus.application.version") Optional<String> version) {
        this.health = health;
        this.probe = probe;
        this.services = services;
        this.backends = backends;
        this.memory = memory;
        this.stats = stats;
        this.json = json;
        this.version = version;
    }

    /** What a service tells about itself besides its readiness; all null when it did not answer. */
    private record Facts(String version, Double uptimeSeconds, String metrics) {

        Double metric(String name) {
            return metrics == null ? null : PrometheusText.parse(metrics).find(name).orElse(null);
        }
    }

    public Uni<Topology> current() {
        long now = System.currentTimeMillis();
        Duration timeout = services.probeTimeout();
        return Uni.combine().all()
                .unis(health.check(), facts(services.gatewayUrl()), facts(services.worldLlmUrl()),
                        facts(services.npcLlmUrl()), facts(services.memoryUrl()), backends.recent(),
                        AdminStats.orNull(memory.stats().ifNoItem().after(timeout).fail(), "memory store stats"),
                        AdminStats.orNull(stats.window(now / 1000), "pipeline counts"))
                .with((report, gateway, world, npc, mem, llm, store, window) ->
                        graph(now, report, gateway, world, npc, mem, llm, store, window));
    }

    private Topology graph(long now, HealthReport report, Facts gateway, Facts world, Facts npc, Facts mem,
                           GpuMetrics llm, MemoryStoreStats store, StatsWindow window) {
        Map<String, ComponentHealth> parts = report.components();
        List<BackendStatus> worldBackends = llm.backends().stream().filter(b -> "world".equals(b.role())).toList();
        List<BackendStatus> npcBackends = llm.backends().stream().filter(b -> !"world".equals(b.role())).toList();
        List<Topology.Node> nodes = new ArrayList<>();
        nodes.add(service(GATEWAY, "gateway-service", services.gatewayUrl(), parts.get(GATEWAY), gateway,
                figures("sockets", gateway.metric("langomni_gateway_sockets_open"),
                        "playersOnline", gateway.metric("langomni_gateway_players_online"))));
        ComponentHealth self = parts.get(ORCHESTRATOR);
        nodes.add(new Topology.Node(ORCHESTRATOR, Topology.SERVICE, "orchestrator-service", self.status(),
                self.detail(), self.latencyMs(), null, version.orElse(null),
                ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0,
                figures("actionsPerSecond", window == null ? null : window.actionsPerSecond())));
        nodes.add(service(WORLD_LLM, "world-llm-service", services.worldLlmUrl(), parts.get(WORLD_LLM), world,
                figures("backends", worldBackends.size())));
        nodes.add(service(NPC_LLM, "npc-llm-service", services.npcLlmUrl(), parts.get(NPC_LLM), npc,
                figures("backends", npcBackends.size(),
                        "healthyBackends", npcBackends.stream().filter(BackendStatus::healthy).count())));
        nodes.add(service(MEMORY, "memory-service", services.memoryUrl(), parts.get(MEMORY), mem,
                figures("memories", mem.metric("langomni_memory_store_size"))));
        nodes.add(store(POSTGRESQL, "PostgreSQL", parts.get(POSTGRESQL)));
        nodes.add(store(REDIS, "Redis", parts.get(REDIS)));
        nodes.add(memoryStore(parts.get(MEMORY), store));
        llm.backends().forEach(b -> nodes.add(backend(b)));

        List<Topology.Edge> edges = new ArrayList<>(FIXED_EDGES);
        worldBackends.forEach(b -> edges.add(edge(WORLD_LLM, LLM_PREFIX + b.name())));
        npcBackends.forEach(b -> edges.add(edge(NPC_LLM, LLM_PREFIX + b.name())));
        return new Topology(now, status(report, nodes), List.copyOf(nodes), List.copyOf(edges));
    }

    /** The health report's verdict, lowered to DEGRADED when a part it does not probe (a backend, the store) is down. */
    private static String status(HealthReport report, List<Topology.Node> nodes) {
        if (ComponentHealth.UP.equals(report.status())
                && nodes.stream().anyMatch(n -> ComponentHealth.DOWN.equals(n.status()))) {
            return HealthReport.DEGRADED;
        }
        return report.status();
    }

    private Uni<Facts> facts(String baseUrl) {
        return Uni.combine().all().unis(probe.text(baseUrl, "/q/info"), probe.text(baseUrl, "/q/metrics")).asTuple()
                .map(answers -> new Facts(answers.getItem1().map(this::buildVersion).orElse(null),
                        answers.getItem2().flatMap(text -> PrometheusText.parse(text).find("process_uptime_seconds"))
                                .orElse(null),
                        answers.getItem2().orElse(null)));
    }

    private String buildVersion(String info) {
        try {
            return json.readTree(info).path("build").path("version").asText(null);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static Topology.Node service(String id, String name, String url, ComponentHealth health, Facts facts,
                                         Map<String, Object> metrics) {
        return new Topology.Node(id, Topology.SERVICE, name, health.status(), health.detail(), health.latencyMs(), url,
                facts.version(), facts.uptimeSeconds(), metrics);
    }

    private static Topology.Node store(String id, String name, ComponentHealth health) {
        return new Topology.Node(id, Topology.STORE, name, health.status(), health.detail(), health.latencyMs(), null,
                null, null, Map.of());
    }

    /** memory-service's vector store: up when memory-service is ready (its readiness includes the store). */
    private static Topology.Node memoryStore(ComponentHealth memory, MemoryStoreStats stats) {
        boolean up = memory.up() && stats != null;
        return new Topology.Node(MEMORY_STORE, Topology.STORE, stats == null ? "memory store" : stats.store(),
                up ? ComponentHealth.UP : ComponentHealth.DOWN,
                stats == null ? "memory-service did not report its store" : stats.memories() + " memories",
                null, null, null, null, figures("memories", stats == null ? null : stats.memories()));
    }

    private static Topology.Node backend(BackendStatus b) {
        String detail = b.model() + (b.lastError() == null ? "" : "; last error: " + b.lastError());
        return new Topology.Node(LLM_PREFIX + b.name(), Topology.LLM, b.name(),
                b.healthy() ? ComponentHealth.UP : ComponentHealth.DOWN, detail, null, b.url(), null, null,
                figures("tokensPerSecond", b.tokensPerSecond(), "kvCacheUsage", b.kvCacheUsage(),
                        "waiting", b.waiting(), "running", b.running()));
    }

    /** Name/value pairs in order; a null value stays (unknown). */
    private static Map<String, Object> figures(Object... pairs) {
        Map<String, Object> figures = new LinkedHashMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            figures.put((String) pairs[i], pairs[i + 1]);
        }
        return figures;
    }

    private static Topology.Edge edge(String from, String to) {
        return new Topology.Edge(from, to);
    }
}
