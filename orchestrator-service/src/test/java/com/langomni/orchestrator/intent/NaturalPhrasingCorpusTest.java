package com.langomni.orchestrator.intent;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.langomni.api.intent.IntentProposal;
import com.langomni.api.outcome.Verb;
import com.langomni.orchestrator.game.rules.Intent;
import com.langomni.orchestrator.game.rules.LegalActions.LegalAction;
import com.langomni.orchestrator.game.rules.LegalActions;
import com.langomni.orchestrator.game.rules.Lexicon;
import com.langomni.orchestrator.game.rules.Parser;
import com.langomni.orchestrator.game.rules.RulesEngine;
import com.langomni.orchestrator.game.rules.model.LocationState;
import com.langomni.orchestrator.game.rules.model.PlayerState;
import com.langomni.orchestrator.game.rules.model.World;
import com.langomni.orchestrator.game.world.WorldPackLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.langomni.testkit.LlmSimulator;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The parse rate of natural phrasings (src/test/resources/corpus/natural-phrasings.psv, written by hand against the
 * Thornwall pack), rules only and with the simulator's intent proposals, as the action pipeline computes them: the
 * parser with the pack's lexicon, pronouns replaced by the row's referent, and for an UNKNOWN intent (only then) a
 * real llm-simulator (packaged, as every service test uses it) asked for structured output as world-llm-service asks
 * its model: the legal actions and none as a json_schema enum, the player's words as the last user message. Its pick
 * is validated against the legal actions and parsed back, as the orchestrator does. A phrasing counts as understood
 * when the legal action it resolves to (as the rules resolve targets) is the expected one. Writes
 * target/corpus/natural-phrasings.md and holds both rates above measured floors.
 */
class NaturalPhrasingCorpusTest {

    /** Measured 2026-12-07: see docs/PERFORMANCE.md; a change that lowers a rate below its floor fails here. */
    static final double RULES_ONLY_FLOOR = 0.90;
    static final double SIMULATOR_FLOOR = 0.95;

    private static final long NOW = 1_000_000L;

    record Row(int line, String location, List<String> inventory, String referent, String text, String expected) {
    }

    record Result(Row row, String rulesOnly, String withSimulator) {
        boolean rulesOk() {
            return row.expected.equals(rulesOnly);
        }

        boolean simulatorOk() {
            return row.expected.equals(withSimulator);
        }
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static LlmSimulator simulator;

    private final World world = WorldPackLoader.fromClasspath("world/pack.yaml");
    private final RulesEngine rules = new RulesEngine(world, (min, max) -> min);
    private final Parser parser = new Parser(Lexicon.of(world));

    @BeforeAll
    static void startSimulator() {
        simulator = LlmSimulator.start("fast", Map.of());
    }

    @AfterAll
    static void stopSimulator() {
        if (simulator != null) {
            simulator.close();
        }
    }

    @Test
    void parseRatesRulesOnlyAndWithTheSimulator() throws IOException {
        List<Row> rows = rows();
        assertTrue(rows.size() >= 200, "the corpus has " + rows.size() + " phrasings");
        List<Result> results = rows.stream().map(this::evaluate).toList();
        long rulesOk = results.stream().filter(Result::rulesOk).count();
        long simulatorOk = results.stream().filter(Result::simulatorOk).count();
        double rulesRate = rulesOk / (double) rows.size();
        double simulatorRate = simulatorOk / (double) rows.size();
        report(results, rulesRate, simulatorRate);
        assertTrue(rulesRate >= RULES_ONLY_FLOOR, "rules-only parse rate " + percent(rulesRate));
        assertTrue(simulatorRate >= rulesRate, "the simulator path understands at least what the rules do");
        assertTrue(simulatorRate >= SIMULATOR_FLOOR, "simulator parse rate " + percent(simulatorRate));
    }

    private Result evaluate(Row row) {
        PlayerState player = new PlayerState("p1", "Ada", row.location, RulesEngine.PLAYER_MAX_HP,
                RulesEngine.PLAYER_MAX_HP, row.inventory);
        LocationState here = rules.initialState(row.location);
        Intent intent = parser.parse(row.text).withReferent(row.referent);
        String rulesOnly = understood(player, here, intent);
        String withSimulator = rulesOnly;
        if (intent.verb() == Verb.UNKNOWN && rulesOnly == null) {
            List<String> commands = LegalActions.of(world, player, here, NOW).stream()
                    .map(LegalAction::command).limit(60).toList();
            String picked = propose(row.text, commands);
            if (commands.contains(picked)) {
                withSimulator = understood(player, here, parser.parse(picked));
            }
        }
        return new Result(row, rulesOnly, withSimulator);
    }

    /** What the simulator picks for the words among the commands, asked as world-llm-service asks its model. */
    private static String propose(String text, List<String> commands) {
        List<String> options = new ArrayList<>(commands);
        options.add(IntentProposal.NONE);
        Map<String, Object> action = new LinkedHashMap<>();
        action.put("type", "string");
        action.put("enum", options);
        Map<String, Object> body = Map.of(
                "messages", List.of(
                        Map.of("role", "system", "content", "Pick the action the player means: "
                                + String.join(", ", commands)),
                        Map.of("role", "user", "content", text)),
                "max_tokens", 48, "temperature", 0.0, "stream", false,
                "response_format", Map.of("type", "json_schema", "json_schema", Map.of("name", "intent",
                        "strict", true, "schema", Map.of("type", "object", "properties", Map.of("action", action),
                                "required", List.of("action")))));
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                            URI.create(simulator.openAiUrl() + "/chat/completions"))
                    .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return IntentProposal.NONE;
            }
            JsonNode content = JSON.readTree(JSON.readTree(response.body())
                    .at("/choices/0/message/content").asText());
            return content.path("action").asText(IntentProposal.NONE);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** "verb target-id" of the legal action the intent resolves to, or null. */
    private String understood(PlayerState player, LocationState here, Intent intent) {
        Optional<LegalAction> action = LegalActions.identify(world, player, here, intent, NOW);
        return action.map(a -> a.verb() == Verb.SAY || a.targetId() == null ? a.verb().wire()
                : a.verb().wire() + " " + a.targetId()).orElse(null);
    }

    private static List<Row> rows() throws IOException {
        List<Row> rows = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
                NaturalPhrasingCorpusTest.class.getResourceAsStream("/corpus/natural-phrasings.psv")),
                StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\\|", -1);
                if (f.length != 5) {
                    throw new IllegalStateException("line " + number + ": 5 fields expected: " + line);
                }
                List<String> inventory = f[1].isBlank() ? List.of()
                        : Arrays.stream(f[1].split(",")).map(String::strip).toList();
                rows.add(new Row(number, f[0].strip(), inventory, f[2].isBlank() ? null : f[2].strip(), f[3].strip(),
                        f[4].strip()));
            }
        }
        return rows;
    }

    private static void report(List<Result> results, double rulesRate, double simulatorRate) throws IOException {
        StringBuilder md = new StringBuilder()
                .append("# Natural phrasing corpus\n\n")
                .append("Phrasings: ").append(results.size()).append('\n')
                .append("Rules only: ").append(percent(rulesRate)).append('\n')
                .append("With the simulator's intent proposals: ").append(percent(simulatorRate)).append("\n\n")
                .append("| line | location | typed | expected | rules only | with simulator |\n")
                .append("|---|---|---|---|---|---|\n");
        for (Result r : results) {
            if (!r.rulesOk() || !r.simulatorOk()) {
                md.append("| ").append(r.row.line).append(" | ").append(r.row.location).append(" | ")
                        .append(r.row.text).append(" | ").append(r.row.expected).append(" | ")
                        .append(mark(r.rulesOnly, r.rulesOk())).append(" | ")
                        .append(mark(r.withSimulator, r.simulatorOk())).append(" |\n");
            }
        }
        Path dir = Path.of("target", "corpus");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("natural-phrasings.md"), md.toString());
        System.out.println("Natural phrasing corpus: " + results.size() + " phrasings, rules only "
                + percent(rulesRate) + ", with the simulator " + percent(simulatorRate));
    }

    private static String mark(String got, boolean ok) {
        return (ok ? "ok " : "✗ ") + (got == null ? "-" : got);
    }

    private static String percent(double rate) {
        return String.format(Locale.ROOT, "%.1f %%", rate * 100);
    }
}
