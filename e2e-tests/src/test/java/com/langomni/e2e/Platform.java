package com.langomni.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole platform as separate JVMs on test ports, against the test PostgreSQL (database langomni_e2e) and
 * Redis (database 3) that {@code make test} starts. Two gateways share one orchestrator.
 */
final class Platform implements AutoCloseable {
    static final Path ROOT = Path.of(System.getProperty("langomni.root", "..")).toAbsolutePath().normalize();
    static final int PG_PORT = Integer.getInteger("langomni.test.pg-port", 25432);
    static final int REDIS_PORT = Integer.getInteger("langomni.test.redis-port", 26379);
    static final int REDIS_DB = 3;

    final ServiceProcess memory;
    final ServiceProcess world;
    final ServiceProcess npc;
    final ServiceProcess orchestrator;
    final ServiceProcess gatewayA;
    final ServiceProcess gatewayB;
    private final List<ServiceProcess> all;

    Platform() throws IOException {
        Path logs = ROOT.resolve("e2e-tests/target/e2e-logs");
        deleteTree(logs); // each run's logs alone; restarts within the run append
        Files.createDirectories(logs);
        Path memoryDir = ROOT.resolve("e2e-tests/target/e2e-memory");
        deleteTree(memoryDir);

        Map<String, String> env = new HashMap<>();
        env.put("DB_HOST", "127.0.0.1");
        env.put("DB_PORT", Integer.toString(PG_PORT));
        env.put("DB_NAME", "langomni_e2e");
        env.put("DB_USER", "langomni");
        env.put("DB_PASSWORD", "langomni");
        env.put("REDIS_URL", "redis://127.0.0.1:" + REDIS_PORT + "/" + REDIS_DB);
        env.put("LANGOMNI_AUTH_SECRET", "e2e-secret-0123456789abcdef0123456789abcdef");
        env.put("LANGOMNI_MEMORY_DATA_DIR", memoryDir.toString());
        env.put("ORCHESTRATOR_URL", "http://localhost:18281");
        env.put("WORLD_LLM_SERVICE_URL", "http://localhost:18282");
        env.put("NPC_LLM_SERVICE_URL", "http://localhost:18283");
        env.put("MEMORY_SERVICE_URL", "http://localhost:18284");
        env.put("GATEWAY_URL", "http://localhost:18280");

        memory = new ServiceProcess("memory-service", "memory", 18284, env, logs);
        world = new ServiceProcess("world-llm-service", "world-llm", 18282, env, logs);
        npc = new ServiceProcess("npc-llm-service", "npc-llm", 18283, env, logs);
        orchestrator = new ServiceProcess("orchestrator-service", "orchestrator", 18281, env, logs);
        gatewayA = new ServiceProcess("gateway-service", "gateway-a", 18280, env, logs);
        gatewayB = new ServiceProcess("gateway-service", "gateway-b", 18290, env, logs);
        all = List.of(memory, world, npc, orchestrator, gatewayA, gatewayB);
    }

    /** Starts every service; {@code fresh} wipes the e2e database first (Flyway clean at start). */
    void start(boolean fresh) throws IOException {
        for (ServiceProcess s : all) {
            Map<String, String> extra = new HashMap<>();
            if (s == orchestrator) {
                extra.put("QUARKUS_FLYWAY_CLEAN_DISABLED", "false");
                extra.put("QUARKUS_FLYWAY_CLEAN_AT_START", Boolean.toString(fresh));
            }
            s.start(extra);
        }
        for (ServiceProcess s : all) {
            s.awaitReady(Duration.ofSeconds(120));
        }
    }

    void stop() throws InterruptedException {
        List<ServiceProcess> reversed = new ArrayList<>(all);
        Collections.reverse(reversed);
        for (ServiceProcess s : reversed) {
            s.stop();
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
