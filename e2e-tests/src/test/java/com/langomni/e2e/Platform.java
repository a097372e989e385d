package com.langomni.e2e;

import com.langomni.testkit.ServiceAuth;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
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
 * Redis that {@code make test} starts, or against stores of a test's own ({@link Stores}). Ports: gateway
 * {@code base}, orchestrator +1, world-llm +2, npc-llm +3, memory +4 and a second gateway +10 sharing the
 * orchestrator.
 */
final class Platform implements AutoCloseable {
    static final Path ROOT = Path.of(System.getProperty("langomni.root", "..")).toAbsolutePath().normalize();
    static final int PG_PORT = Integer.getInteger("langomni.test.pg-port", 25432);
    static final int REDIS_PORT = Integer.getInteger("langomni.test.redis-port", 26379);
    /** The test Redis's password, when it has one (requirepass); the services get it as QUARKUS_REDIS_PASSWORD. */
    static final String REDIS_PASSWORD = System.getProperty("langomni.test.redis-password", "");
    static final String ADMIN_PASSWORD = "e2e-Operator-passphrase";
    /** Signs the players' bearer tokens (LANGOMNI_AUTH_SECRET); a test may sign one itself (SecurityIT). */
    static final String AUTH_SECRET = "e2e-secret-0123456789abcdef0123456789abcdef";
    /** Every service of a platform shares it (LANGOMNI_SERVICE_AUTH_SECRET); tests sign with it ({@link #serviceToken}). */
    static final String SERVICE_SECRET = "e2e-service-secret-0123456789abcdef0123456789";

    /** Where the services keep their state: a PostgreSQL port and database, a Redis port. */
    record Stores(int pgPort, String database, int redisPort) {
        /** The instances {@code make test} starts (scripts/infra.sh test). */
        static Stores shared() {
            return new Stores(PG_PORT, "langomni_e2e", REDIS_PORT);
        }
    }

    /** Null on a platform started without the LLM and memory services (see the constructor). */
    final ServiceProcess memory;
    final ServiceProcess world;
    final ServiceProcess npc;
    final ServiceProcess orchestrator;
    final ServiceProcess gatewayA;
    final ServiceProcess gatewayB;
    final int redisDb;
    private final Stores stores;
    private final List<ServiceProcess> all;

    /**
     * @param name     names the log and memory directories (e2e-tests/target/&lt;name&gt;-logs)
     * @param extraEnv e.g. WORLD_LLM_URL / NPC_LLM_URLS pointing at simulators
     */
    Platform(String name, int base, int redisDb, Map<String, String> extraEnv) throws IOException {
        this(name, base, Stores.shared(), redisDb, extraEnv, true);
    }

    /**
     * @param llmAndMemory false runs only the orchestrator and the two gateways: the orchestrator then narrates
     *                     with the rules' text (world-llm unreachable) and keeps memory writes queued in Redis
     */
    Platform(String name, int base, Stores stores, int redisDb, Map<String, String> extraEnv, boolean llmAndMemory)
            throws IOException {
        this.redisDb = redisDb;
        this.stores = stores;
        Path logs = ROOT.resolve("e2e-tests/target/" + name + "-logs");
        deleteTree(logs); // each run's logs alone; restarts within the run append
        Files.createDirectories(logs);
        Path memoryDir = ROOT.resolve("e2e-tests/target/" + name + "-memory");
        deleteTree(memoryDir);

        Map<String, String> env = new HashMap<>();
        env.put("DB_HOST", "127.0.0.1");
        env.put("DB_PORT", Integer.toString(stores.pgPort()));
        env.put("DB_NAME", stores.database());
        env.put("DB_USER", "langomni");
        env.put("DB_PASSWORD", "langomni");
        env.put("REDIS_URL", "redis://127.0.0.1:" + stores.redisPort() + "/" + redisDb);
        env.put("LANGOMNI_AUTH_SECRET", AUTH_SECRET);
        env.put("LANGOMNI_SERVICE_AUTH_SECRET", SERVICE_SECRET);
        if (!REDIS_PASSWORD.isEmpty() && stores.redisPort() == REDIS_PORT) {
            env.put("QUARKUS_REDIS_PASSWORD", REDIS_PASSWORD);
        }
        env.put("LANGOMNI_MEMORY_DATA_DIR", memoryDir.toString());
        env.put("LANGOMNI_ADMIN_PASSWORD", ADMIN_PASSWORD);
        // every player of these tests registers and logs in from this machine: the per-address budgets would
        // refuse them (the throttles themselves are tested in orchestrator-service, ThrottleTests)
        env.put("LANGOMNI_AUTH_THROTTLE_LOGIN_PER_IP", "1000000");
        env.put("LANGOMNI_AUTH_THROTTLE_REGISTER_PER_IP", "1000000");
        env.put("ORCHESTRATOR_URL", "http://localhost:" + (base + 1));
        env.put("WORLD_LLM_SERVICE_URL", "http://localhost:" + (base + 2));
        env.put("NPC_LLM_SERVICE_URL", "http://localhost:" + (base + 3));
        env.put("MEMORY_SERVICE_URL", "http://localhost:" + (base + 4));
        env.put("GATEWAY_URL", "http://localhost:" + base);
        // NPCs at home whatever the hour the tests run: a game day of 100 years, now around noon of day 1
        env.put("LANGOMNI_WORLD_CLOCK_DAY_LENGTH", "P36500D");
        env.put("LANGOMNI_WORLD_CLOCK_EPOCH_MILLIS", "123200000000");
        env.putAll(extraEnv);

        memory = llmAndMemory ? new ServiceProcess("memory-service", "memory", base + 4, env, logs) : null;
        world = llmAndMemory ? new ServiceProcess("world-llm-service", "world-llm", base + 2, env, logs) : null;
        npc = llmAndMemory ? new ServiceProcess("npc-llm-service", "npc-llm", base + 3, env, logs) : null;
        orchestrator = new ServiceProcess("orchestrator-service", "orchestrator", base + 1, env, logs);
        gatewayA = new ServiceProcess("gateway-service", "gateway-a", base, env, logs);
        gatewayB = new ServiceProcess("gateway-service", "gateway-b", base + 10, env, logs);
        all = llmAndMemory ? List.of(memory, world, npc, orchestrator, gatewayA, gatewayB)
                : List.of(orchestrator, gatewayA, gatewayB);
    }

    /**
     * Starts every service; {@code fresh} wipes the e2e database first (Flyway clean at start) and this platform's
     * Redis database, so nothing (a cached narration, a queued memory) carries over from an earlier run.
     */
    void start(boolean fresh) throws IOException {
        if (fresh) {
            flushRedis();
        }
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

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** A valid X-Service-Token for calls of a test to a service's internal endpoints. */
    static String serviceToken() {
        return ServiceAuth.token(SERVICE_SECRET);
    }

    /** RESP AUTH for the shared test Redis when it has a password, else nothing; answered "+OK". */
    static String redisAuth(int port) {
        if (REDIS_PASSWORD.isEmpty() || port != REDIS_PORT) {
            return "";
        }
        return "*2\r\n$4\r\nAUTH\r\n$" + REDIS_PASSWORD.getBytes(StandardCharsets.UTF_8).length + "\r\n"
                + REDIS_PASSWORD + "\r\n";
    }

    /** FLUSHDB on this platform's Redis database, in raw RESP so the test needs no Redis client. */
    void flushRedis() throws IOException {
        try (Socket s = new Socket("127.0.0.1", stores.redisPort())) {
            OutputStream out = s.getOutputStream();
            String db = Integer.toString(redisDb);
            String auth = redisAuth(stores.redisPort());
            out.write((auth + "*2\r\n$6\r\nSELECT\r\n$" + db.length() + "\r\n" + db
                    + "\r\n*1\r\n$7\r\nFLUSHDB\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            String expected = (auth.isEmpty() ? "" : "+OK\r\n") + "+OK\r\n+OK\r\n";
            byte[] reply = new byte[expected.length()];
            int read = 0;
            while (read < reply.length) {
                int n = s.getInputStream().read(reply, read, reply.length - read);
                if (n < 0) {
                    break;
                }
                read += n;
            }
            String answer = new String(reply, 0, read, StandardCharsets.US_ASCII);
            if (!expected.equals(answer)) {
                throw new IllegalStateException("FLUSHDB failed: " + answer);
            }
        }
    }
}
