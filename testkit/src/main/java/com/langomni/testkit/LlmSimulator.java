package com.langomni.testkit;

import com.langomni.support.metrics.PrometheusText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/**
 * The packaged llm-simulator (a vLLM stand-in) run as its own JVM for a test, on a free port.
 * <p>
 * Tests use it as they would use vLLM: {@link #openAiUrl()} is the base URL to configure, {@link #faults(String)}
 * injects faults at runtime, {@link #metric(String)} reads its Prometheus text, {@link #kill()} crashes it.
 * <pre>{@code
 * try (LlmSimulator sim = LlmSimulator.start("fast", Map.of("SIM_MAX_NUM_SEQS", "4"))) { ... }
 * }</pre>
 */
public final class LlmSimulator implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final int port;
    private final Path log;
    private final Process process;

    private LlmSimulator(int port, Path log, Process process) {
        this.port = port;
        this.log = log;
        this.process = process;
    }

    /** Starts a simulator with a profile ({@code fast}, {@code npc-8b}, {@code world-70b}) and waits for /health. */
    public static LlmSimulator start(String profile, Map<String, String> env) {
        return start(profile, freePort(), env);
    }

    /** As {@link #start(String, Map)} on a given port, e.g. to bring a killed replica back where it was. */
    public static LlmSimulator start(String profile, int port, Map<String, String> env) {
        Path jar = root().resolve("llm-simulator/target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: package llm-simulator first (mvn package)");
        }
        try {
            Path logDir = root().resolve("target/simulator-logs");
            Files.createDirectories(logDir);
            Path log = logDir.resolve("sim-" + port + ".log");
            ProcessBuilder pb = new ProcessBuilder(List.of(javaBin(), "-Xmx128m", "-XX:+UseSerialGC", "-jar",
                    jar.toString())).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            Map<String, String> all = new HashMap<>(env);
            all.put("SIM_PROFILE", profile);
            all.put("QUARKUS_HTTP_PORT", Integer.toString(port));
            all.put("QUARKUS_HTTP_HOST", "127.0.0.1");
            pb.environment().putAll(all);
            LlmSimulator sim = new LlmSimulator(port, log, pb.start());
            sim.awaitHealthy(Duration.ofSeconds(60));
            return sim;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    /** Root URL: {@code /health}, {@code /metrics}, {@code /sim/faults}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** OpenAI-compatible base URL, as one configures vLLM: {@code http://host:port/v1}. */
    public String openAiUrl() {
        return baseUrl() + "/v1";
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** POSTs a fault update to {@code /sim/faults}, e.g. {@code {"hangRate":1.0}}; returns the new state. */
    public String faults(String json) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl() + "/sim/faults"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** Restores the configured faults. */
    public void clearFaults() {
        send(HttpRequest.newBuilder(URI.create(baseUrl() + "/sim/faults")).DELETE());
    }

    /**
     * The latest prompts it received, oldest first, as the JSON of {@code GET /sim/prompts}: a list of
     * {@code {"kind":"CHAT","messages":[{"role":..,"content":..}],"prompt":null}}. Needs {@code SIM_RECORDED_PROMPTS}
     * above 0 in its environment.
     */
    public String prompts() {
        return send(HttpRequest.newBuilder(URI.create(baseUrl() + "/sim/prompts")).GET());
    }

    /** Forgets the prompts recorded so far. */
    public void forgetPrompts() {
        send(HttpRequest.newBuilder(URI.create(baseUrl() + "/sim/prompts")).DELETE());
    }

    /** One read of its {@code /metrics} (vLLM's metric names). */
    public PrometheusText metrics() {
        return PrometheusText.parse(send(HttpRequest.newBuilder(URI.create(baseUrl() + "/metrics")).GET()));
    }

    /** The sum of every sample of a metric in {@code /metrics} (all label sets), 0 when absent. */
    public double metric(String name) {
        return metrics().sum(name);
    }

    /** Successful requests so far ({@code vllm:request_success_total}). */
    public long requestsServed() {
        return Math.round(metric("vllm:request_success_total"));
    }

    /** Crashes it: SIGKILL, no graceful shutdown, like a replica whose node died. */
    public void kill() {
        process.destroyForcibly();
        waitFor(10);
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            if (!waitFor(15)) {
                kill();
            }
        }
    }

    private void awaitHealthy(Duration timeout) {
        Awaitility.await("llm-simulator on " + port + " healthy").atMost(timeout).pollInterval(Duration.ofMillis(100))
                .failFast("llm-simulator exited; see " + log, () -> !process.isAlive())
                .until(this::healthy);
    }

    private boolean healthy() {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/health")).timeout(Duration.ofSeconds(2))
                    .build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notYet) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private String send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = HTTP.send(request.timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() >= 300) {
                throw new IllegalStateException("llm-simulator answered " + r.statusCode() + ": " + r.body());
            }
            return r.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private boolean waitFor(int seconds) {
        try {
            return process.waitFor(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The repository root: {@code langomni.root} when set, else the nearest directory holding llm-simulator/. */
    static Path root() {
        String configured = System.getProperty("langomni.root");
        if (configured != null) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("llm-simulator"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("cannot find the repository root (no llm-simulator/ above "
                    + Path.of("").toAbsolutePath() + "); set -Dlangomni.root");
        }
        return dir;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
