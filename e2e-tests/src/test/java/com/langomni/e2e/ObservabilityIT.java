package com.langomni.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.langomni.support.metrics.PrometheusText;
import com.langomni.testkit.LlmSimulator;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * No dashboard panel or alert rule reads a series nobody exports. The platform (five services, two gateways) runs
 * against our vLLM simulator (one world server, two NPC replicas), a player plays a few actions over a socket so
 * the series created on first use exist too, and then every service's /q/metrics is scraped: each metric name, each label
 * value filtered on and each label grouped by in deploy/monitoring's Grafana dashboards and alert rules must be
 * there. {@code vllm:*} names are checked against the simulator's /metrics (vLLM's names).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ObservabilityIT {
    private static final Path MONITORING = Platform.ROOT.resolve("deploy/monitoring");
    private static final List<String> DASHBOARDS = List.of("game-overview", "llm-backends", "data-stores");
    /** Labels the scrape configs put on every target (deploy/monitoring/prometheus); no service exports them. */
    private static final Set<String> TARGET_LABELS = Set.of("job", "instance", "service", "role", "pod", "namespace",
            "component");
    /** Series Prometheus writes itself for every target. */
    private static final Set<String> SYNTHETIC = Set.of("up");
    /** The job values the scrape configs assign (prometheus.yml derives the same ones by relabelling). */
    private static final Set<String> JOBS = Set.of("langomni", "vllm", "qdrant", "prometheus");
    /**
     * vLLM before 0.9 (the pinned vllm/vllm-openai:v0.8.5) names two counters differently; the simulator exports
     * the current names. A panel reading both with {@code or} is checked against the current name.
     */
    private static final Map<String, String> VLLM_BEFORE_0_9 = Map.of(
            "vllm:gpu_prefix_cache_hits_total", "vllm:prefix_cache_hits_total",
            "vllm:gpu_prefix_cache_queries_total", "vllm:prefix_cache_queries_total");
    /** A regex matcher value that is only a list of alternatives: each one is a label value to look for. */
    private static final Pattern ALTERNATIVES = Pattern.compile("[A-Za-z0-9_:-]+(\\|[A-Za-z0-9_:-]+)*");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final List<LlmSimulator> sims = new ArrayList<>();
    private Platform platform;
    private Game.Player iris;
    /** Where each expression is used ("game-overview.json: Action latency"), in file order. */
    private final Map<String, String> expressions = new LinkedHashMap<>();
    private PrometheusText services;
    private PrometheusText modelServers;

    @BeforeAll
    void playThenScrape() throws Exception {
        readExpressions();
        LlmSimulator world = LlmSimulator.start("fast", Map.of("SIM_BASE_ITL_MS", "2", "SIM_MEAN_OUTPUT_TOKENS", "16"));
        sims.add(world);
        List<String> npcUrls = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            LlmSimulator npc = LlmSimulator.start("fast", Map.of("SIM_BASE_ITL_MS", "1", "SIM_MEAN_OUTPUT_TOKENS", "16"));
            sims.add(npc);
            npcUrls.add(npc.openAiUrl());
        }
        Map<String, String> env = new HashMap<>();
        env.put("WORLD_LLM_URL", world.openAiUrl());
        env.put("NPC_LLM_URLS", String.join(",", npcUrls));
        platform = new Platform("observability", 18580, 6, env);
        platform.start(true);

        play();
        scrape();
    }

    @AfterAll
    void stop() throws Exception {
        if (iris != null && iris.socket != null) {
            iris.socket.close();
        }
        if (platform != null) {
            platform.close();
        }
        sims.forEach(LlmSimulator::close);
    }

    /** A short session that touches every path the dashboards show: LLM and cached narration, an NPC, a refusal. */
    private void play() throws IOException {
        Api api = new Api(platform.gatewayA.baseUrl());
        Game game = new Game(api);
        iris = game.register("Iris");
        iris.socket = game.connect(iris, platform.gatewayA);

        JsonNode look = iris.socket.play("look");
        assertEquals("llm", look.path("source").asText(), look.toString());
        Game.Player juno = game.register("Juno");
        juno.socket = game.connect(juno, platform.gatewayA);
        JsonNode again = juno.socket.play("look");
        juno.socket.close();
        assertEquals("cache", again.path("source").asText(), "the next player's look at the same place: " + again);
        JsonNode refused = iris.socket.play("take the moon");
        assertEquals("result", refused.path("type").asText(), refused.toString());

        String forge = game.findLocation(iris, loc -> Game.npcMatching(loc, "smith") != null);
        game.walkTo(iris, forge);
        String smith = Game.npcMatching(game.world(forge, iris.token), "smith").path("name").asText();
        for (String topic : List.of("swords", "the mine")) {
            JsonNode reply = iris.socket.play("ask " + smith + " about " + topic);
            assertEquals("llm", reply.path("source").asText(), reply.toString());
        }

        // memory writes leave through the orchestrator's queue: wait until memory-service has stored them
        Awaitility.await("memory-service stored the conversation").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> samples(platform.memory).sum("langomni_memory_writes_total") >= 2);

        // An entry in the memory write queue (langomni.memory-queue.stream, field "write") that is not a memory
        // write becomes a dead letter and is counted, something no healthy run does on its own
        xadd("langomni:memory-writes", "write", "not a memory write");
        Awaitility.await("the malformed queue entry dead-lettered").atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> samples(platform.orchestrator).sum("langomni_memory_queue_dead_lettered_total",
                        Map.of("reason", "malformed")) >= 1);
    }

    /** XADD on this platform's Redis database, in raw RESP like {@link Platform#flushRedis()}. */
    private void xadd(String stream, String field, String value) throws IOException {
        List<String> args = List.of("SELECT", Integer.toString(platform.redisDb), "XADD", stream, "*", field, value);
        String auth = Platform.redisAuth(Platform.REDIS_PORT);
        StringBuilder resp = new StringBuilder(auth);
        resp.append("*2\r\n").append(bulk(args.get(0))).append(bulk(args.get(1)));
        resp.append("*5\r\n");
        args.subList(2, args.size()).forEach(a -> resp.append(bulk(a)));
        try (Socket redis = new Socket("127.0.0.1", Platform.REDIS_PORT)) {
            redis.getOutputStream().write(resp.toString().getBytes(StandardCharsets.UTF_8));
            redis.getOutputStream().flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(redis.getInputStream(),
                    StandardCharsets.UTF_8));
            if (!auth.isEmpty()) {
                assertEquals("+OK", in.readLine(), "AUTH");
            }
            assertEquals("+OK", in.readLine(), "SELECT");
            String id = in.readLine(); // $<length>, then the new entry's id
            assertTrue(id.startsWith("$"), "XADD answered " + id);
        }
    }

    private static String bulk(String arg) {
        return "$" + arg.getBytes(StandardCharsets.UTF_8).length + "\r\n" + arg + "\r\n";
    }

    private void scrape() {
        List<String> scrapes = new ArrayList<>();
        for (ServiceProcess s : List.of(platform.gatewayA, platform.gatewayB, platform.orchestrator, platform.world,
                platform.npc, platform.memory)) {
            scrapes.add(metrics(s));
        }
        services = PrometheusText.parse(String.join("\n", scrapes));
        scrapes.clear();
        for (LlmSimulator sim : sims) {
            scrapes.add(get(sim.baseUrl() + "/metrics"));
        }
        modelServers = PrometheusText.parse(String.join("\n", scrapes));
    }

    @Test
    void everyDashboardAndTheAlertRulesAreRead() {
        for (String file : List.of("game-overview.json", "llm-backends.json", "data-stores.json", "alerts.yml")) {
            long count = expressions.values().stream().filter(where -> where.startsWith(file)).count();
            assertTrue(count >= 10, file + " has " + count + " expressions");
        }
        Set<String> names = new TreeSet<>();
        expressions.keySet().forEach(e -> PromQl.selectors(e).forEach(s -> names.add(s.metric())));
        assertTrue(names.size() >= 60, "metric names read: " + names);
        assertTrue(services.names().size() > 100 && modelServers.has("vllm:num_requests_running"), "scraped too little");
    }

    @Test
    void everyMetricTheyReadIsExported() {
        Map<String, String> missing = new TreeMap<>();
        int checked = 0;
        for (Map.Entry<String, String> e : expressions.entrySet()) {
            for (PromQl.Selector s : PromQl.selectors(e.getKey())) {
                checked++;
                if (!exporter(s.metric()).has(exported(s.metric()))) {
                    missing.merge(s.metric(), e.getValue(), (a, b) -> a + "; " + b);
                }
            }
        }
        assertTrue(checked >= 100, checked + " selectors");
        assertEquals(Map.of(), missing, "read by a panel or an alert but exported by no service");
    }

    @Test
    void everyLabelValueTheyFilterOnIsExported() {
        Map<String, String> missing = new TreeMap<>();
        for (Map.Entry<String, String> e : expressions.entrySet()) {
            for (PromQl.Selector s : PromQl.selectors(e.getKey())) {
                List<Map<String, String>> series = exporter(s.metric()).labelSets(exported(s.metric()));
                for (PromQl.Matcher m : s.matchers()) {
                    if (TARGET_LABELS.contains(m.label()) || SYNTHETIC.contains(s.metric())) {
                        continue;
                    }
                    if (series.stream().noneMatch(labels -> labels.containsKey(m.label()))) {
                        missing.merge(s.metric() + " has no label " + m.label(), e.getValue(), (a, b) -> a);
                        continue;
                    }
                    boolean positive = m.op().equals("=") || m.op().equals("=~");
                    if (!positive || !ALTERNATIVES.matcher(m.value()).matches()) {
                        continue; // != and !~ only need the label; a real regex cannot be enumerated
                    }
                    for (String value : m.value().split("\\|")) {
                        if (series.stream().noneMatch(labels -> value.equals(labels.get(m.label())))) {
                            missing.merge(s.metric() + "{" + m.label() + "=\"" + value + "\"}", e.getValue(),
                                    (a, b) -> a);
                        }
                    }
                }
            }
        }
        assertEquals(Map.of(), missing, "filters on label values no series carries");
    }

    @Test
    void everyLabelTheyGroupByIsExportedOrSetByTheScrapeConfigs() {
        Map<String, String> missing = new TreeMap<>();
        for (Map.Entry<String, String> e : expressions.entrySet()) {
            for (PromQl.Grouping g : PromQl.groupings(e.getKey())) {
                for (String label : g.labels()) {
                    boolean found = TARGET_LABELS.contains(label) || g.metrics().stream().anyMatch(metric ->
                            exporter(metric).labelSets(exported(metric)).stream()
                                    .anyMatch(labels -> labels.containsKey(label)));
                    if (!found) {
                        missing.merge("by (" + label + ") over " + g.metrics(), e.getValue(), (a, b) -> a);
                    }
                }
            }
        }
        assertEquals(Map.of(), missing, "groups by labels none of the aggregated series carries");
    }

    @Test
    void theJobsTheyFilterOnAreTheScrapeConfigsJobs() throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        Set<String> composeJobs = new TreeSet<>();
        yaml.readTree(MONITORING.resolve("prometheus/prometheus-compose.yml").toFile()).path("scrape_configs")
                .forEach(job -> composeJobs.add(job.path("job_name").asText()));
        assertEquals(JOBS, composeJobs);
        String kubernetes = java.nio.file.Files.readString(MONITORING.resolve("prometheus/prometheus.yml"));
        assertTrue(kubernetes.contains("replacement: langomni") && kubernetes.contains("replacement: vllm"),
                "prometheus.yml relabels our services to job langomni and the model servers to job vllm");

        Set<String> used = new TreeSet<>();
        for (String expr : expressions.keySet()) {
            for (PromQl.Selector s : PromQl.selectors(expr)) {
                s.matchers().stream().filter(m -> m.label().equals("job")).forEach(m -> used.add(m.value()));
            }
        }
        assertTrue(used.containsAll(Set.of("langomni", "vllm")), "jobs used: " + used);
        assertTrue(JOBS.containsAll(used), "jobs used: " + used);
    }

    @Test
    void theCountersCountedWhatWasPlayed() {
        PrometheusText orchestrator = samples(platform.orchestrator);
        assertTrue(orchestrator.sum("langomni_narrations_total", Map.of("source", "llm")) >= 3,
                "world + NPC narrations by the LLM");
        assertTrue(orchestrator.sum("langomni_narrations_total", Map.of("source", "cache")) >= 1);
        assertTrue(orchestrator.sum("langomni_actions_total", Map.of("outcome", "refused")) >= 1);
        assertTrue(orchestrator.sum("langomni_action_duration_seconds_count", Map.of()) >= 5);
        assertEquals(1.0, samples(platform.gatewayA).sum("langomni_gateway_players_online", Map.of()));
        assertEquals(0.0, samples(platform.gatewayB).sum("langomni_gateway_players_online", Map.of()));
        assertTrue(samples(platform.npc).sum("langomni_npc_llm_requests_total",
                Map.of("outcome", "success")) >= 2);
        assertTrue(samples(platform.memory).sum("langomni_memory_searches_total", Map.of()) >= 1);
        assertEquals(1.0, orchestrator.sum("langomni_dependency_up", Map.of("dependency", "postgresql")));
        assertEquals(1.0, orchestrator.sum("langomni_dependency_up", Map.of("dependency", "redis")));
        assertEquals(1.0, samples(platform.gatewayA).sum("langomni_dependency_up",
                Map.of("dependency", "redis")));
    }

    private static PrometheusText samples(ServiceProcess service) {
        return PrometheusText.parse(metrics(service));
    }

    private PrometheusText exporter(String metric) {
        return metric.startsWith("vllm:") ? modelServers : SYNTHETIC.contains(metric) ? synthetic() : services;
    }

    private static PrometheusText synthetic() {
        return PrometheusText.parse(String.join("\n", SYNTHETIC.stream().map(n -> n + " 1").toList()));
    }

    private static String exported(String metric) {
        return VLLM_BEFORE_0_9.getOrDefault(metric, metric);
    }

    private void readExpressions() throws IOException {
        ObjectMapper json = new ObjectMapper();
        for (String dashboard : DASHBOARDS) {
            String file = dashboard + ".json";
            panels(json.readTree(MONITORING.resolve("grafana/dashboards/" + file).toFile()).path("panels"), file);
        }
        JsonNode alerts = new ObjectMapper(new YAMLFactory()).readTree(MONITORING.resolve("prometheus/alerts.yml")
                .toFile());
        for (JsonNode group : alerts.path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                expressions.putIfAbsent(rule.path("expr").asText(), "alerts.yml: " + rule.path("alert").asText());
            }
        }
    }

    private void panels(JsonNode panels, String file) {
        for (JsonNode panel : panels) {
            panels(panel.path("panels"), file); // a collapsed row holds its panels
            for (JsonNode target : panel.path("targets")) {
                expressions.putIfAbsent(target.path("expr").asText(), file + ": " + panel.path("title").asText());
            }
        }
    }

    private static String metrics(ServiceProcess service) {
        return get(service.baseUrl() + "/q/metrics");
    }

    private static String get(String url) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), url);
            return r.body();
        } catch (IOException e) {
            throw new AssertionError(url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(url, e);
        }
    }
}
