package com.langomni.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml as Docker users get it: it validates with Debian's docker-compose, every variable it reads is
 * documented in .env.example, it refuses to start without the secrets, and every file it builds from or mounts
 * exists. Nothing here starts a container (no Docker engine on the test machines).
 */
class ComposeFileTest {
    private static final Path ROOT = Platform.ROOT;
    private static final Path COMPOSE = ROOT.resolve("docker-compose.yml");
    private static final Path ENV_EXAMPLE = ROOT.resolve(".env.example");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    /** ${NAME}, ${NAME:-default}, ${NAME:?error}; $$ is a literal dollar for the container's shell. */
    private static final Pattern VARIABLE = Pattern.compile("(?<!\\$)\\$\\{([A-Za-z_][A-Za-z0-9_]*)(:?[-?][^}]*)?}");
    private static final Pattern REQUIRED = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*):\\?");
    private static final Pattern ENV_LINE = Pattern.compile("^([A-Za-z_][A-Za-z0-9_]*)=(.*)$", Pattern.MULTILINE);

    /** The compose file as docker-compose resolves it (anchors merged, variables and paths resolved). */
    private static JsonNode resolved;

    @BeforeAll
    static void resolve(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        Path env = exampleWithSecrets(tmp);
        Result config = compose(tmp, "--env-file", env.toString(), "-f", COMPOSE.toString(), "config");
        assertEquals(0, config.exit, "docker-compose config failed:\n" + config.output);
        resolved = YAML.readTree(config.stdout);
    }

    @Test
    void validatesWithTheDocumentedVariables(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        Result check = compose(tmp, "--env-file", exampleWithSecrets(tmp).toString(), "-f", COMPOSE.toString(),
                "config", "-q");
        assertEquals(0, check.exit, check.output);
        assertEquals("", check.output.strip(), "no warnings either");
    }

    @Test
    void refusesToStartWithoutTheSecrets(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        // .env.example as copied, secrets still empty: docker-compose must stop and say which one is missing
        Result check = compose(tmp, "--env-file", ENV_EXAMPLE.toString(), "-f", COMPOSE.toString(), "config", "-q");
        assertNotEquals(0, check.exit, "an empty secret must not pass");
        assertTrue(check.output.contains("in .env (see .env.example)"), check.output);

        Set<String> required = required();
        assertEquals(Set.of("POSTGRES_PASSWORD", "LANGOMNI_AUTH_SECRET", "LANGOMNI_SERVICE_AUTH_SECRET",
                "GRAFANA_ADMIN_PASSWORD", "REDIS_PASSWORD", "REDIS_GATEWAY_PASSWORD", "QDRANT_API_KEY",
                "QDRANT_READ_ONLY_API_KEY"), required);
        Map<String, String> example = envExample();
        for (String secret : required) {
            assertEquals("", example.get(secret), secret + " has no value in .env.example: never a real secret");
        }
    }

    @Test
    void everyVariableIsDocumentedInEnvExampleAndEveryDocumentedOneIsUsed() throws IOException {
        String compose = Files.readString(COMPOSE);
        Set<String> used = new TreeSet<>();
        Matcher m = VARIABLE.matcher(compose);
        while (m.find()) {
            used.add(m.group(1));
        }
        assertTrue(used.size() > 20, "variables found: " + used);
        Set<String> documented = new TreeSet<>(envExample().keySet());
        Set<String> undocumented = new TreeSet<>(used);
        undocumented.removeAll(documented);
        assertEquals(Set.of(), undocumented, "used in docker-compose.yml but missing from .env.example");
        Set<String> unused = new TreeSet<>(documented);
        unused.removeAll(used);
        assertEquals(Set.of(), unused, "documented in .env.example but never read by docker-compose.yml");
    }

    @Test
    void everyFileItBuildsFromOrMountsExists() {
        List<String> missing = new ArrayList<>();
        int checked = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = resolved.path("services").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> service = it.next();
            JsonNode build = service.getValue().path("build");
            if (!build.isMissingNode()) {
                Path context = Path.of(build.path("context").asText());
                Path dockerfile = context.resolve(build.path("dockerfile").asText("Dockerfile"));
                checked += 2;
                requireInRepo(service.getKey() + " build context", context, missing);
                requireInRepo(service.getKey() + " Dockerfile", dockerfile, missing);
            }
            for (JsonNode volume : service.getValue().path("volumes")) {
                String source = volume.isTextual() ? volume.asText().split(":")[0] : volume.path("source").asText();
                if (source.startsWith("/")) { // a bind mount; named volumes are Docker's
                    checked++;
                    requireInRepo(service.getKey() + " mount", Path.of(source), missing);
                }
            }
            for (JsonNode envFile : service.getValue().path("env_file")) {
                checked++;
                requireInRepo(service.getKey() + " env_file", Path.of(envFile.asText()), missing);
            }
        }
        assertTrue(checked >= 20, "only " + checked + " references found");
        assertEquals(List.of(), missing);
    }

    @Test
    void everyImageIsPinnedAndEveryServiceHasAHealthCheckItsDependentsWaitFor() {
        Set<String> healthy = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = resolved.path("services").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> service = it.next();
            String image = service.getValue().path("image").asText();
            assertTrue(image.matches("[a-z0-9./-]+:[A-Za-z0-9._-]+") && !image.endsWith(":latest"),
                    service.getKey() + " image is not pinned: " + image);
            JsonNode test = service.getValue().path("healthcheck").path("test");
            assertTrue(test.isArray() && test.size() > 1, service.getKey() + " has no health check");
            healthy.add(service.getKey());
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = resolved.path("services").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> service = it.next();
            for (Iterator<Map.Entry<String, JsonNode>> deps = service.getValue().path("depends_on").fields();
                    deps.hasNext(); ) {
                Map.Entry<String, JsonNode> dep = deps.next();
                assertTrue(healthy.contains(dep.getKey()), service.getKey() + " depends on " + dep.getKey());
                assertTrue(Set.of("service_healthy", "service_started")
                        .contains(dep.getValue().path("condition").asText()), service.getKey() + " -> " + dep);
            }
        }
        for (String service : List.of("orchestrator", "gateway", "nginx", "memory")) {
            assertTrue(resolved.path("services").path(service).path("depends_on").toString()
                    .contains("service_healthy"), service + " waits for what it cannot work without");
        }
        for (String module : List.of("gateway-service", "orchestrator-service", "world-llm-service",
                "npc-llm-service", "memory-service", "llm-simulator")) {
            String from = dockerfileLines(module).stream().filter(l -> l.startsWith("FROM ")).findFirst().orElseThrow();
            assertEquals("FROM eclipse-temurin:17.0.14_7-jre", from, module);
        }
    }

    @Test
    void theLlmServersOfBothProfilesAnswerToTheNamesTheServicesAndPrometheusUse() throws IOException {
        Map<String, Set<String>> aliasesByProfile = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = resolved.path("services").fields(); it.hasNext(); ) {
            JsonNode service = it.next().getValue();
            for (JsonNode profile : service.path("profiles")) {
                Set<String> aliases = aliasesByProfile.computeIfAbsent(profile.asText(), p -> new TreeSet<>());
                service.path("networks").path("default").path("aliases").forEach(a -> aliases.add(a.asText()));
            }
        }
        List<String> expected = List.of("llm-world", "llm-npc-1", "llm-npc-2");
        assertEquals(Set.of("gpu", "sim"), aliasesByProfile.keySet());
        aliasesByProfile.forEach((profile, aliases) -> assertEquals(new TreeSet<>(expected), aliases, profile));

        Map<String, String> example = envExample();
        assertEquals("http://llm-world:8000/v1", example.get("WORLD_LLM_URL"));
        assertEquals("http://llm-npc-1:8000/v1,http://llm-npc-2:8000/v1", example.get("NPC_LLM_URLS"));

        // Prometheus looks the same names up (plus every service of ours), each with the port it listens on
        JsonNode prometheus = YAML.readTree(ROOT.resolve("deploy/monitoring/prometheus/prometheus-compose.yml")
                .toFile());
        Map<String, Integer> scraped = new LinkedHashMap<>();
        for (JsonNode job : prometheus.path("scrape_configs")) {
            for (JsonNode sd : job.path("dns_sd_configs")) {
                sd.path("names").forEach(n -> scraped.put(n.asText(), sd.path("port").asInt()));
            }
        }
        Map<String, Integer> wanted = new LinkedHashMap<>(Map.of("gateway", 8080, "orchestrator", 8081,
                "world-llm", 8082, "npc-llm", 8083, "memory", 8084, "qdrant", 6333));
        expected.forEach(name -> wanted.put(name, 8000));
        assertEquals(new TreeMap<>(wanted), new TreeMap<>(scraped));
        for (String service : List.of("gateway", "orchestrator", "world-llm", "npc-llm", "memory")) {
            String health = resolved.path("services").path(service).path("healthcheck").path("test").toString();
            assertTrue(health.contains(":" + wanted.get(service) + "/q/health/ready"), service + ": " + health);
        }
    }

    @Test
    void nginxFindsEveryFileItReadsWhereComposeMountsThem() throws IOException {
        String conf = Files.readString(ROOT.resolve("deploy/nginx/langomni.conf"));
        List<String> mountTargets = new ArrayList<>();
        for (JsonNode volume : resolved.path("services").path("nginx").path("volumes")) {
            mountTargets.add(volume.asText().split(":")[1]);
        }
        Matcher files = Pattern.compile("(?m)^\\s*(?:include|ssl_certificate|ssl_certificate_key)\\s+(\\S+);")
                .matcher(conf);
        int found = 0;
        while (files.find()) {
            String path = files.group(1);
            found++;
            assertTrue(mountTargets.stream().anyMatch(t -> path.equals(t) || path.startsWith(t + "/")),
                    path + " is not mounted into the nginx container: " + mountTargets);
        }
        assertEquals(3, found, "the upstream include, the certificate and its key");
        assertTrue(mountTargets.contains("/etc/nginx/conf.d/default.conf"), "replaces the image's default site");
    }

    private static void requireInRepo(String what, Path path, List<String> missing) {
        Path normalized = path.toAbsolutePath().normalize();
        if (!normalized.startsWith(ROOT)) {
            missing.add(what + " points outside the repository: " + path);
        } else if (!Files.exists(normalized)) {
            missing.add(what + " does not exist: " + ROOT.relativize(normalized));
        }
    }

    private static List<String> dockerfileLines(String module) {
        try {
            return Files.readAllLines(ROOT.resolve(module).resolve("src/main/docker/Dockerfile.jvm"));
        } catch (IOException e) {
            throw new AssertionError(module + " has no src/main/docker/Dockerfile.jvm", e);
        }
    }

    private static Set<String> required() throws IOException {
        Set<String> required = new TreeSet<>();
        Matcher m = REQUIRED.matcher(Files.readString(COMPOSE));
        while (m.find()) {
            required.add(m.group(1));
        }
        return required;
    }

    private static Map<String, String> envExample() throws IOException {
        Map<String, String> vars = new LinkedHashMap<>();
        Matcher m = ENV_LINE.matcher(Files.readString(ENV_EXAMPLE));
        while (m.find()) {
            vars.put(m.group(1), m.group(2));
        }
        return vars;
    }

    /** .env.example with test values for the secrets it leaves empty (as an operator's .env would have). */
    private static Path exampleWithSecrets(Path dir) throws IOException {
        String env = Files.readString(ENV_EXAMPLE);
        for (String secret : required()) {
            env = env.replaceAll("(?m)^" + secret + "=$", secret + "=test-value-for-" + secret.toLowerCase());
        }
        Path file = dir.resolve("compose-test.env");
        Files.writeString(file, env);
        return file;
    }

    private record Result(int exit, String stdout, String output) {
    }

    /** Runs docker-compose in the repository root with a clean environment (no stray variables leak in). */
    private static Result compose(Path tmp, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("docker-compose"));
        command.addAll(List.of(args));
        Path stdout = Files.createTempFile(tmp, "compose", ".out");
        Path stderr = Files.createTempFile(tmp, "compose", ".err");
        ProcessBuilder pb = new ProcessBuilder(command).directory(ROOT.toFile())
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        Map<String, String> env = pb.environment();
        String path = env.get("PATH");
        env.clear();
        env.put("PATH", path);
        env.put("HOME", tmp.toString());
        Process process;
        try {
            process = pb.start();
        } catch (IOException missing) {
            fail("docker-compose is not installed: apt-get install -y docker-compose (Debian's package, 1.29)",
                    missing);
            throw missing;
        }
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("docker-compose " + String.join(" ", args) + " did not finish in 60 s");
        }
        String out = Files.readString(stdout, StandardCharsets.UTF_8);
        String err = Files.readString(stderr, StandardCharsets.UTF_8);
        assertFalse(err.contains("Traceback"), "docker-compose crashed:\n" + err);
        return new Result(process.exitValue(), out, err + out);
    }
}
