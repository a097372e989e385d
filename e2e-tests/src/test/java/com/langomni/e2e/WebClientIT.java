package com.langomni.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The web client (admin panel and Play page, as the gateway serves them) driven in Debian's Chromium through
 * playwright-core against the whole platform: {@code admin-ui/e2e/web.e2e.mjs} holds the browser steps, this test
 * starts the platform, runs it and keeps its screenshots in {@code e2e-tests/target/screenshots}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebClientIT {
    private static final Path SCRIPT = Platform.ROOT.resolve("admin-ui/e2e/web.e2e.mjs");
    private static final Path SCREENSHOTS = Platform.ROOT.resolve("e2e-tests/target/screenshots");
    private static final Path CHROMIUM = Path.of(System.getProperty("langomni.chromium", "/usr/bin/chromium"));

    private Platform platform;

    @BeforeAll
    void start() throws Exception {
        assertTrue(Files.isExecutable(CHROMIUM), CHROMIUM + " is missing: install Debian's chromium package "
                + "(.ci/run and make test do)");
        assertTrue(Files.isDirectory(Platform.ROOT.resolve("admin-ui/node_modules/playwright-core")),
                "admin-ui's npm packages are missing: build admin-ui first (npm ci)");
        platform = new Platform("web", 18480, 5, Map.of());
        platform.start(true);
    }

    @AfterAll
    void stop() throws Exception {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void playersAndAnAdminUseTheWebClientInChromium() throws IOException, InterruptedException {
        Path log = Platform.ROOT.resolve("e2e-tests/target/web-e2e.log");
        Platform.deleteTree(SCREENSHOTS); // only this run's screenshots count
        ProcessBuilder node = new ProcessBuilder("node", SCRIPT.toString())
                .directory(Platform.ROOT.resolve("admin-ui").toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        node.environment().put("BASE_URL", platform.gatewayA.baseUrl());
        node.environment().put("ADMIN_PASSWORD", Platform.ADMIN_PASSWORD);
        node.environment().put("SCREENSHOT_DIR", SCREENSHOTS.toString());
        node.environment().put("CHROMIUM", CHROMIUM.toString());
        Process run = node.start();
        boolean ended = run.waitFor(5, TimeUnit.MINUTES);
        if (!ended) {
            run.destroyForcibly();
        }
        String output = Files.readString(log);
        System.out.println(output);
        assertTrue(ended, "the browser run did not end within 5 minutes:\n" + output);
        assertEquals(0, run.exitValue(), "the browser run failed (screenshots in " + SCREENSHOTS + "):\n" + output);
        for (String page : new String[] {"01-login", "03-dashboard", "04-players", "05-play-arrival", "08-npc-detail",
                "09-architecture", "10-metrics", "11-play-kicked"}) {
            assertTrue(Files.size(SCREENSHOTS.resolve(page + ".png")) > 0, page + " screenshot");
        }
    }
}
