package com.langomni.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * deploy/monitoring as Prometheus reads it, checked with promtool (Debian's {@code prometheus} package): the
 * docker-compose scrape config and the alert rules load, the alert rules' unit tests (alerts.test.yml) pass, and
 * every PromQL expression of the Grafana dashboards parses. Whether the series they read exist is
 * ObservabilityIT's part.
 */
class MonitoringConfigTest {
    private static final Path PROMETHEUS = Platform.ROOT.resolve("deploy/monitoring/prometheus");
    private static final Path DASHBOARDS = Platform.ROOT.resolve("deploy/monitoring/grafana/dashboards");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void alertRulesLoadAndTheirUnitTestsPass() throws Exception {
        String check = promtool(PROMETHEUS, "check", "rules", "alerts.yml");
        assertTrue(check.contains("SUCCESS"), check);
        String test = promtool(PROMETHEUS, "test", "rules", "alerts.test.yml");
        assertTrue(test.contains("SUCCESS"), test);
    }

    @Test
    void theComposeScrapeConfigLoads(@TempDir Path tmp) throws Exception {
        // the config names the rule file where the container mounts it; promtool reads it beside the copy
        String config = Files.readString(PROMETHEUS.resolve("prometheus-compose.yml"))
                .replace("/etc/prometheus/alerts.yml", "alerts.yml")
                .replace("/prometheus/.qdrant-read-only-api-key", "qdrant-read-only-api-key");
        Files.writeString(tmp.resolve("prometheus.yml"), config);
        // the key file docker-compose.yml's Prometheus writes at start (promtool wants credentials files to exist)
        Files.writeString(tmp.resolve("qdrant-read-only-api-key"), "test-key");
        Files.copy(PROMETHEUS.resolve("alerts.yml"), tmp.resolve("alerts.yml"));
        String check = promtool(tmp, "check", "config", "prometheus.yml");
        assertTrue(check.contains("is valid prometheus config file syntax"), check);
        // prometheus.yml (Kubernetes) differs only in service discovery, which Debian's promtool is built without
        assertTrue(Files.readString(PROMETHEUS.resolve("prometheus.yml")).contains("- /etc/prometheus/alerts.yml"));
    }

    @Test
    void everyDashboardExpressionParses(@TempDir Path tmp) throws Exception {
        // each panel query becomes a recording rule, so promtool parses it as Prometheus would
        ObjectNode file = YAML.createObjectNode();
        ObjectNode group = file.putArray("groups").addObject().put("name", "dashboards");
        ArrayNode rules = group.putArray("rules");
        Set<String> uids = new HashSet<>();
        List<String> dashboards = List.of("game-overview.json", "llm-backends.json", "data-stores.json");
        for (String name : dashboards) {
            JsonNode dashboard = JSON.readTree(DASHBOARDS.resolve(name).toFile());
            assertTrue(uids.add(dashboard.path("uid").asText()), "uids are unique: " + name);
            List<JsonNode> panels = new ArrayList<>();
            dashboard.path("panels").forEach(panels::add);
            for (JsonNode panel : panels) {
                assertTrue(panel.path("type").asText().equals("row")
                        || panel.path("datasource").path("uid").asText().equals("prometheus"),
                        name + ": " + panel.path("title") + " uses the provisioned data source");
                for (JsonNode target : panel.path("targets")) {
                    rules.addObject().put("record", "dashboard:check:" + rules.size())
                            .put("expr", target.path("expr").asText().replace("$__rate_interval", "1m"));
                }
            }
        }
        assertTrue(rules.size() >= 60, rules.size() + " expressions");
        Files.writeString(tmp.resolve("dashboards.yml"), YAML.writeValueAsString(file));
        String check = promtool(tmp, "check", "rules", "dashboards.yml");
        assertTrue(check.contains("SUCCESS: " + rules.size() + " rules found"), check);
    }

    private static String promtool(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("promtool"));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("promtool", ".out");
        try {
            Process process;
            try {
                process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                        .redirectOutput(out.toFile()).start();
            } catch (IOException missing) {
                fail("promtool is not installed: apt-get install -y --no-install-recommends prometheus", missing);
                throw missing;
            }
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail("promtool " + String.join(" ", args) + " did not finish in 60 s");
            }
            String output = Files.readString(out, StandardCharsets.UTF_8);
            assertEquals(0, process.exitValue(), "promtool " + String.join(" ", args) + ":\n" + output);
            return output;
        } finally {
            Files.deleteIfExists(out);
        }
    }
}
