package com.langomni.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Keeps the load harness (module load-tests) from rotting: runs its {@code PlayMixSimulation} briefly (10 players,
 * 15 s) as its own JVM, the way {@code make bench-load} runs it, against the whole platform started from the
 * packaged jars. Passes when Gatling's assertions hold (every player got a welcome, KOs within bounds) and the
 * harness's own counts show actions answered with results and no action left without an answer; refusals the
 * protocol documents (busy, rate_limited, unavailable, overloaded) are tolerated, anything else fails. Report and
 * counts in {@code e2e-tests/target/load-smoke/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LoadHarnessSmokeIT {
    private static final Path LOAD_TESTS = Platform.ROOT.resolve("load-tests/target");
    private static final Path OUT = Platform.ROOT.resolve("e2e-tests/target/load-smoke");
    private static final int PLAYERS = 10;
    private static final Set<String> DOCUMENTED_REFUSALS = Set.of("busy", "rate_limited", "unavailable", "overloaded");

    private Platform platform;

    @BeforeAll
    void start() throws Exception {
        assertTrue(Files.isRegularFile(LOAD_TESTS.resolve("gatling-classpath.txt")),
                "load-tests is not built: build the module first (mvn -pl load-tests package)");
        platform = new Platform("load", 18680, 7, Map.of());
        platform.start(true);
    }

    @AfterAll
    void stop() throws Exception {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void playMixRunsAgainstThePlatform() throws IOException, InterruptedException {
        Platform.deleteTree(OUT);
        Files.createDirectories(OUT);
        Path summary = OUT.resolve("summary.json");
        Path log = OUT.resolve("gatling.log");
        String classpath = LOAD_TESTS.resolve("classes") + File.pathSeparator
                + Files.readString(LOAD_TESTS.resolve("gatling-classpath.txt")).strip();
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m",
                // as gatling-maven-plugin starts Gatling
                "--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-opens=java.base/jdk.internal.misc=ALL-UNNAMED",
                "-cp", classpath,
                "-DbaseUrl=" + platform.gatewayA.baseUrl(),
                "-Dplayers=" + PLAYERS, "-DrampSeconds=2", "-DthinkMs=700", "-DdurationSeconds=15",
                "-Dprefix=smoke", "-DauthConcurrency=2",
                "-Dassert=true", "-DmaxKoPercent=10",
                "-DsummaryFile=" + summary,
                "io.gatling.app.Gatling",
                "--simulation", "com.langomni.load.PlayMixSimulation",
                "--results-folder", OUT.toString(),
                "--run-description", "LoadHarnessSmokeIT"));
        long started = System.nanoTime();
        Process run = new ProcessBuilder(cmd).directory(Platform.ROOT.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        boolean ended = run.waitFor(3, TimeUnit.MINUTES);
        if (!ended) {
            run.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        String output = Files.readString(log);
        System.out.println(output);
        System.out.printf("load harness smoke: Gatling ran %.1f s%n", (System.nanoTime() - started) / 1e9);
        assertTrue(ended, "the Gatling run did not end within 3 minutes:\n" + output);
        assertEquals(0, run.exitValue(), "the Gatling run failed or its assertions did not hold:\n" + output);

        JsonNode counts = new ObjectMapper().readTree(summary.toFile());
        assertEquals(PLAYERS, counts.path("accounts.ready").asInt(), counts.toString());
        assertEquals(PLAYERS, counts.path("players.connected").asInt(), counts.toString());
        assertEquals(0, counts.path("actions.unanswered").asInt(), "actions without any answer: " + counts);
        // 10 players x ~15 s at ~1 action per 0.7-1 s: far more than this unless the harness is broken
        assertTrue(counts.path("actions.result").asInt() >= PLAYERS * 5, "too few results: " + counts);
        for (Iterator<String> it = counts.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (key.startsWith("actions.refused.")) {
                assertTrue(DOCUMENTED_REFUSALS.contains(key.substring("actions.refused.".length())),
                        "an undocumented refusal: " + counts);
            }
        }
        try (Stream<Path> files = Files.walk(OUT)) {
            assertTrue(files.anyMatch(p -> p.getFileName().toString().equals("index.html")),
                    "no HTML report under " + OUT);
        }
    }
}
