package com.langomni.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.langomni.testkit.LlmSimulator;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The injection and abuse corpus and the auth matrix (issue #16) against the whole platform, its world and NPC
 * models played by simulators that keep every prompt they receive ({@code /sim/prompts}).
 * <p>
 * <b>Corpus.</b> Two players in Brannoc's Forge send every corpus entry through {@code say}, {@code tell} and
 * {@code ask} to the NPC and as the typed target of a verb; after each entry both examine the place (the other
 * player first, so the sender may get the cached narration), and every fourth entry the other player asks the NPC.
 * The world model narrates every outcome it can (refusals and speech too: the worst case). Each text starts with a
 * canary word unique to its player, entry and channel, so any prompt that carries it is found. Judged: no player's
 * words outside a fenced untrusted block in any prompt (the player's own included: a refusal must not echo them
 * into the fixed outcome), no forged fence marker, no cached narration written from another player's words, no
 * conversation with the NPC (the other player's, or a third player's alone with it) recalled to another player, no
 * input the server fails on, and no player state changed: every answer's player, and PostgreSQL and Redis before
 * and after. Report: e2e-tests/target/security/corpus.md.
 * <p>
 * <b>Auth matrix.</b> Every cell is a request with a credential that must not work and its expected status; a 2xx
 * where a refusal is expected is a bypass. Report: e2e-tests/target/security/auth-matrix.md.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SecurityIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BASE = 18880;
    private static final int REDIS_DB = 8;
    private static final Path REPORTS = Platform.ROOT.resolve("e2e-tests/target/security");
    private static final String NPC_ID = "brannoc";
    private static final String NPC = "brannoc";
    private static final Pattern CANARY = Pattern.compile("(?<![a-z])qz[a-z]{6}(?![a-z])");
    /** The verbs whose typed target carries an entry, in turn ("give X to brannoc" names the NPC as receiver). */
    private static final List<String> VERBS = List.of("examine %s", "take %s", "go %s", "attack %s", "use %s",
            "give %s to " + NPC);
    /** How an observer looks at the forge: examine is narrated by the model and cached (a repeated look is not). */
    private static final String OBSERVER_LOOK = "examine anvil";
    /** What a player says to an NPC: private to that player (a say to the room is public). */
    private static final Set<String> CONVERSATION = Set.of("tell", "ask");
    /** Error codes that mean the server failed on the input, where a clear refusal was due. */
    private static final Set<String> SERVER_FAULTS = Set.of("internal", "unavailable");
    /** What an observer asks the NPC: the same words as the private secret, so recall would rank it first. */
    private static final String OBSERVER_QUESTION = "ask " + NPC + " about the vault password secret";

    /** Where a canary was typed. */
    record Origin(String player, String entry, String category, String channel) {
    }

    /** One action, the answer and the prompts the models received for it. */
    record Turn(Game.Player who, String text, JsonNode answer, List<SimPrompts.Prompt> world,
                List<SimPrompts.Prompt> npc) {
    }

    private LlmSimulator worldSim;
    private LlmSimulator npcSim;
    private SimPrompts world;
    private SimPrompts npc;
    private Platform platform;
    private Api api;
    private Game game;
    private Game.Player anwen;
    private Game.Player bryn;
    private Game.Player cadoc;

    private final Map<String, Origin> canaries = new HashMap<>();
    /** Every narration the world model wrote, by its normalised text: where a cached one came from. */
    private final Map<String, SimPrompts.Prompt> narrations = new HashMap<>();
    private final Findings findings = new Findings();
    private int canaryCount;

    @BeforeAll
    void start() throws Exception {
        Map<String, String> capture = Map.of("SIM_RECORDED_PROMPTS", "1000", "SIM_MEAN_OUTPUT_TOKENS", "24");
        worldSim = LlmSimulator.start("fast", capture);
        npcSim = LlmSimulator.start("fast", capture);
        world = new SimPrompts("world", worldSim);
        npc = new SimPrompts("npc", npcSim);
        Map<String, String> env = new HashMap<>();
        env.put("WORLD_LLM_URL", worldSim.openAiUrl());
        env.put("NPC_LLM_URLS", npcSim.openAiUrl());
        // memory-service rates importance by its heuristic: the NPC model's prompts are the NPC's lines (and the
        // reflections memory-service asks for, judged as the service's own prompts)
        env.put("LANGOMNI_MEMORY_IMPORTANCE_SCORER", "heuristic");
        // the corpus is a few hundred actions back to back, half of them NPC conversations: the per-player rate
        // limit and talk budget are not what is judged here (they have their own tests)
        env.put("LANGOMNI_GAME_RATE_LIMIT_REFILL_PER_SECOND", "1000");
        env.put("LANGOMNI_GAME_RATE_LIMIT_CAPACITY", "1000");
        env.put("LANGOMNI_GAME_TALK_BUDGET_TALKS", "1000");
        // the worst case for containment: the world model narrates every outcome it can, refusals and speech too
        // (by default the rules' text answers those, and a repeated look), so every player's words reach a prompt
        env.put("LANGOMNI_NARRATION_POLICY_LLM_INTENTS", "look,go,take,drop,examine,say,attack,use,give,unknown");
        env.put("LANGOMNI_NARRATION_POLICY_NARRATE_REFUSALS", "true");
        platform = new Platform("security", BASE, REDIS_DB, env);
        platform.start(true);
        api = new Api(platform.gatewayA.baseUrl());
        game = new Game(api);
        Files.createDirectories(REPORTS);
    }

    @AfterAll
    void stop() throws Exception {
        for (Game.Player p : new Game.Player[] {anwen, bryn, cadoc}) {
            if (p != null && p.socket != null) {
                p.socket.close();
            }
        }
        if (platform != null) {
            platform.close();
        }
        if (npcSim != null) {
            npcSim.close();
        }
        if (worldSim != null) {
            worldSim.close();
        }
    }

    @Test
    @Order(1)
    void theCorpusChangesNothingAndNoPlayersWordsEscapeTheirFence() throws Exception {
        List<InjectionCorpus.Entry> corpus = InjectionCorpus.load();
        assertTrue(corpus.size() >= 30, "at least 30 corpus entries: " + corpus.size());
        long started = System.nanoTime();

        anwen = join("Anwen");
        bryn = join("Bryn");
        cadoc = join("Cadoc");
        String forge = game.findLocation(cadoc, loc -> Game.npcMatching(loc, NPC) != null);

        // Cadoc alone with the NPC: a private conversation no other player witnessed
        game.walkTo(cadoc, forge);
        String secret = canary(cadoc, "private-secret", "private", "tell");
        judge(act(cadoc, "tell " + NPC + " " + secret + " my secret is that the vault password is heron"));
        String admin = adminToken();
        Awaitility.await("the NPC remembers Cadoc's secret").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> api.get("/api/admin/npcs/" + NPC_ID + "/memories", admin).body().toString()
                        .contains(secret));
        game.walkTo(cadoc, game.findLocation(cadoc, loc -> !forge.equals(loc.path("id").asText())));

        game.walkTo(anwen, forge);
        game.walkTo(bryn, forge);
        Map<String, String> before = storedState();

        int actions = 0;
        for (int i = 0; i < corpus.size(); i++) {
            InjectionCorpus.Entry e = corpus.get(i);
            Game.Player sender = i % 2 == 0 ? anwen : bryn;
            Game.Player observer = sender == anwen ? bryn : anwen;
            Map<String, String> sent = new LinkedHashMap<>();
            sent.put("say", "say %s");
            sent.put("tell", "tell " + NPC + " %s");
            sent.put("ask", "ask " + NPC + " about %s");
            sent.put("verb", VERBS.get(i % VERBS.size()));
            for (Map.Entry<String, String> channel : sent.entrySet()) {
                String words = canary(sender, e.id(), e.category(), channel.getKey()) + " " + e.text();
                judge(act(sender, channel.getValue().formatted(words)), e.id());
                actions++;
            }
            // the observer's narration of the place carries the room's recent events (the sender's words); the
            // sender's, right after, may be served from the narration cache
            judge(act(observer, OBSERVER_LOOK), e.id());
            judge(act(sender, OBSERVER_LOOK), e.id());
            actions += 2;
            if (i % 4 == 0) {
                judge(act(observer, OBSERVER_QUESTION), e.id());
                actions++;
            }
            anwen.socket.drain(); // the room's events: not judged here, only kept from piling up
            bryn.socket.drain();
        }
        // prompts the services sent on their own after the last action (reflections) so far are judged too
        world.next().forEach(x -> judgePrompt("world", x, null, "after the corpus"));
        npc.next().forEach(x -> judgePrompt("npc", x, null, "after the corpus"));
        Map<String, String> after = storedState();
        findings.compareStores(before, after);

        long ms = (System.nanoTime() - started) / 1_000_000;
        String summary = findings.summary(corpus.size(), actions, canaryCount, ms);
        Files.writeString(REPORTS.resolve("corpus.md"), findings.report(corpus, summary));
        System.out.println("[security] corpus: " + summary);
        assertEquals("", findings.failures(), "see e2e-tests/target/security/corpus.md");
    }

    @Test
    @Order(2)
    void noCredentialThatMustNotWorkDoes() throws Exception {
        AuthMatrix matrix = new AuthMatrix(platform, this::expireTicket);
        Files.writeString(REPORTS.resolve("auth-matrix.md"), matrix.run(api, game, adminToken()));
        System.out.println("[security] auth matrix: " + matrix.summary());
        assertEquals("", matrix.failures(), "see e2e-tests/target/security/auth-matrix.md");
    }

    // ---------------------------------------------------------------------------------------------------------------

    private Game.Player join(String name) {
        Game.Player p = game.register(name);
        p.socket = game.connect(p, platform.gatewayA);
        return p;
    }

    /** A new canary word for what {@code p} types on {@code channel}: "qz" and six letters. */
    private String canary(Game.Player p, String entry, String category, String channel) {
        int n = canaryCount++;
        StringBuilder s = new StringBuilder("qz");
        for (int i = 0; i < 6; i++) {
            s.insert(2, (char) ('a' + n % 26));
            n /= 26;
        }
        canaries.put(s.toString(), new Origin(p.name, entry, category, channel));
        return s.toString();
    }

    /**
     * Plays one action. Its prompts are those received between the marks: the services ask the models before they
     * answer, and nothing else plays meanwhile (background prompts are told apart by their system message).
     */
    private Turn act(Game.Player p, String text) {
        List<SimPrompts.Prompt> before = world.next();
        before.forEach(x -> judgePrompt("world", x, null, "between actions"));
        npc.next().forEach(x -> judgePrompt("npc", x, null, "between actions"));
        List<JsonNode> frames = p.socket.awaitAnswer(p.socket.action(text));
        JsonNode answer = frames.get(frames.size() - 1);
        return new Turn(p, text, answer, world.next(), npc.next());
    }

    private void judge(Turn t) {
        judge(t, "setup");
    }

    private void judge(Turn t, String entry) {
        findings.answers++;
        JsonNode answer = t.answer();
        if ("error".equals(answer.path("type").asText())) {
            String refusal = entry + ": " + answer.path("code").asText() + " " + shorten(t.text());
            findings.refusedByPipeline.add(refusal);
            if (SERVER_FAULTS.contains(answer.path("code").asText())) {
                findings.serverFaults.add(refusal + " (" + answer.path("message").asText() + ")");
            }
        } else {
            findings.sources.merge(answer.path("source").asText("?"), 1, Integer::sum);
            JsonNode was = t.who().state;
            JsonNode now = answer.path("player");
            if (!now.isMissingNode() && !now.isNull()) {
                if (was != null && !sameState(was, now)) {
                    findings.stateChanges.add(entry + " by " + t.who().name + " (" + shorten(t.text()) + "): "
                            + stateOf(was) + " -> " + stateOf(now));
                }
                t.who().state = now;
            }
        }
        for (SimPrompts.Prompt p : t.world()) {
            judgePrompt("world", p, isNarration(p) ? t.who().name : null, entry);
        }
        for (SimPrompts.Prompt p : t.npc()) {
            judgePrompt("npc", p, isNpcLine(p) ? t.who().name : null, entry);
        }
        if ("cache".equals(answer.path("source").asText())) {
            judgeCached(t, entry);
        }
    }

    /**
     * @param reader whose prompt this is; null for a prompt a service sent on its own (a reflection), which is
     *               judged for unfenced player text only
     */
    private void judgePrompt(String model, SimPrompts.Prompt p, String reader, String entry) {
        if ("world".equals(model) && p.output() != null) {
            narrations.put(normal(p.output()), p);
        }
        if (reader == null) {
            findings.unattributed.add(model + "#" + p.seq());
        } else {
            findings.prompts.merge(model, 1, Integer::sum);
        }
        for (int i = 0; i < p.contents().size(); i++) {
            String content = p.contents().get(i);
            boolean system = "system".equals(p.roles().get(i));
            PromptFences.Scan scan = system ? null : PromptFences.scan(content);
            if (scan != null) {
                scan.forged().forEach(f -> findings.forged.add(model + "#" + p.seq() + " (" + entry + "): " + f));
            }
            Matcher m = CANARY.matcher(content);
            while (m.find()) {
                Origin o = canaries.get(m.group());
                if (o == null) {
                    continue;
                }
                boolean fenced = scan != null && scan.fenced(m.start());
                String where = model + "#" + p.seq() + " " + p.roles().get(i) + " (" + entry + "): " + o.player()
                        + "'s " + o.channel() + " of " + o.entry() + (reader == null ? "" : " in " + reader + "'s prompt")
                        + ": …" + around(content, m.start()) + "…";
                findings.occurrences++;
                if ("npc".equals(model) && reader != null && !reader.equals(o.player())
                        && CONVERSATION.contains(o.channel())) {
                    findings.privateRecalled.add(where); // private to its player, whoever stood by
                }
                if (fenced) {
                    if (reader != null && !reader.equals(o.player())) {
                        findings.crossFenced++;
                    }
                } else if (reader == null) {
                    findings.serviceUnfenced.add(where);
                } else if (reader.equals(o.player())) {
                    findings.ownUnfenced.add(where);
                } else {
                    findings.crossUnfenced.add(where);
                }
            }
        }
    }

    /**
     * A narration served from the cache may not have been written from another player's words at all (even words the
     * reader heard in the room: the cached text is shared with whoever asks the same later).
     */
    private void judgeCached(Turn t, String entry) {
        findings.cached++;
        String text = normal(t.answer().path("text").asText());
        SimPrompts.Prompt source = narrations.get(text);
        if (source == null) {
            source = narrations.entrySet().stream().filter(n -> text.contains(n.getKey()) || n.getKey().contains(text))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
        }
        if (source == null) {
            findings.cachedUnknown.add(entry + ": " + t.who().name + " got \"" + shorten(text) + "\"");
            return;
        }
        for (String content : source.contents()) {
            Matcher m = CANARY.matcher(content);
            while (m.find()) {
                Origin o = canaries.get(m.group());
                if (o != null && !o.player().equals(t.who().name)) {
                    findings.cachedLeaks.add(entry + ": " + t.who().name + " got world#" + source.seq()
                            + ", written from " + o.player() + "'s " + o.channel() + " of " + o.entry());
                }
            }
        }
    }

    private static boolean isNarration(SimPrompts.Prompt p) {
        return p.system().startsWith("You are the narrator of LangOmni");
    }

    private static boolean isNpcLine(SimPrompts.Prompt p) {
        return p.system().contains("a character in a multiplayer text adventure");
    }

    // ---------------------------------------------------------------------------------------------------------------

    /** Every player's row and cached state, the forge's shared state and the admins, as comparable strings. */
    private Map<String, String> storedState() throws SQLException, IOException {
        Map<String, String> out = new TreeMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + Platform.PG_PORT
                + "/langomni_e2e", "langomni", "langomni")) {
            try (ResultSet r = c.createStatement().executeQuery(
                    "select id, name, role, location_id, hp, max_hp, inventory from players order by name")) {
                while (r.next()) {
                    out.put("pg player " + r.getString("name"), r.getString("role") + " at " + r.getString("location_id")
                            + ", " + r.getInt("hp") + "/" + r.getInt("max_hp") + " HP, " + r.getString("inventory"));
                    String cached = redisGet("langomni:player-state:" + r.getString("id"));
                    if (cached != null) {
                        JsonNode state = JSON.readTree(cached).path("state");
                        out.put("redis player " + r.getString("name"), stateOf(state));
                    }
                }
            }
            try (ResultSet r = c.createStatement().executeQuery(
                    "select location_id, items, creatures, unlocked_exits from location_state order by location_id")) {
                while (r.next()) {
                    out.put("pg place " + r.getString(1), r.getString(2) + " " + r.getString(3) + " " + r.getString(4));
                }
            }
        }
        return out;
    }

    /** GET in this platform's Redis database; null when the key is absent. */
    private String redisGet(String key) throws IOException {
        return redis("GET", key);
    }

    /**
     * Runs a socket ticket's time out: Redis keeps its SHA-256 with a TTL (RedisKeys.socketTicket); the key is given
     * a millisecond to live and the wait is for it to be gone, as at the end of its TTL.
     */
    private void expireTicket(String ticket) {
        String key = "langomni:socket-ticket:" + sha256Hex(ticket);
        try {
            assertEquals("1", redis("PEXPIRE", key, "1"), "the ticket is kept at " + key);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Awaitility.await("the ticket expired").atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20))
                .until(() -> redis("EXISTS", key), "0"::equals);
    }

    /**
     * One command in this platform's Redis database, in raw RESP (the test needs no client): a bulk string as its
     * value (null when absent), an integer or status as its text.
     */
    private String redis(String... command) throws IOException {
        try (Socket s = new Socket("127.0.0.1", Platform.REDIS_PORT)) {
            s.setSoTimeout(5000);
            String db = Integer.toString(REDIS_DB);
            StringBuilder cmd = new StringBuilder(Platform.redisAuth(Platform.REDIS_PORT));
            cmd.append("*2\r\n$6\r\nSELECT\r\n$").append(db.length()).append("\r\n").append(db).append("\r\n");
            cmd.append('*').append(command.length).append("\r\n");
            for (String a : command) {
                cmd.append('$').append(a.getBytes(StandardCharsets.UTF_8).length).append("\r\n").append(a).append("\r\n");
            }
            OutputStream out = s.getOutputStream();
            out.write(cmd.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = s.getInputStream();
            int oks = Platform.redisAuth(Platform.REDIS_PORT).isEmpty() ? 1 : 2; // AUTH, SELECT
            for (int i = 0; i < oks; i++) {
                String ok = line(in);
                if (!"+OK".equals(ok)) {
                    throw new IllegalStateException("AUTH/SELECT failed: " + ok);
                }
            }
            String head = line(in);
            return switch (head.charAt(0)) {
                case '$' -> {
                    int length = Integer.parseInt(head.substring(1));
                    yield length < 0 ? null : new String(in.readNBytes(length), StandardCharsets.UTF_8);
                }
                case ':', '+' -> head.substring(1);
                default -> throw new IllegalStateException(String.join(" ", command) + " failed: " + head);
            };
        }
    }

    private static String sha256Hex(String s) {
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder();
            for (byte b : d) {
                hex.append(String.format("%02x", b));
            }
            return hex.toString();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\r'; c = in.read()) {
            if (c < 0) {
                throw new IOException("connection closed mid-reply");
            }
            line.append((char) c);
        }
        in.read();
        return line.toString();
    }

    private static boolean sameState(JsonNode a, JsonNode b) {
        return stateOf(a).equals(stateOf(b));
    }

    private static String stateOf(JsonNode p) {
        List<String> items = new ArrayList<>();
        p.path("inventory").forEach(i -> items.add(i.isTextual() ? i.asText() : i.path("id").asText()));
        items.sort(null);
        return "at " + p.path("locationId").asText() + ", " + p.path("hp").asInt() + "/" + p.path("maxHp").asInt()
                + " HP, " + items;
    }

    private String adminToken() {
        Api.Response login = api.post("/api/auth/login",
                "{\"name\":\"admin\",\"password\":\"" + Platform.ADMIN_PASSWORD + "\"}", null);
        assertEquals(200, login.status(), login.body().toString());
        return login.body().path("token").asText();
    }

    private static String normal(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").strip();
    }

    private static String shorten(String s) {
        String one = s.replaceAll("\\p{Cntrl}", "?");
        return one.length() <= 70 ? one : one.substring(0, 70) + "…";
    }

    private static String around(String content, int at) {
        return content.substring(Math.max(0, at - 30), Math.min(content.length(), at + 40)).replaceAll("\\s", " ");
    }

    /** What the corpus run found, and its report. */
    static final class Findings {
        int answers;
        int occurrences;
        int crossFenced;
        int cached;
        final Map<String, Integer> prompts = new TreeMap<>();
        final Map<String, Integer> sources = new TreeMap<>();
        final List<String> refusedByPipeline = new ArrayList<>();
        final List<String> stateChanges = new ArrayList<>();
        final List<String> serverFaults = new ArrayList<>();
        final List<String> storeChanges = new ArrayList<>();
        final List<String> crossUnfenced = new ArrayList<>();
        final List<String> ownUnfenced = new ArrayList<>();
        final List<String> serviceUnfenced = new ArrayList<>();
        final List<String> forged = new ArrayList<>();
        final List<String> privateRecalled = new ArrayList<>();
        final List<String> cachedLeaks = new ArrayList<>();
        final List<String> cachedUnknown = new ArrayList<>();
        final List<String> unattributed = new ArrayList<>();

        void compareStores(Map<String, String> before, Map<String, String> after) {
            Set<String> keys = new HashSet<>(before.keySet());
            keys.addAll(after.keySet());
            keys.stream().sorted().forEach(k -> {
                String a = before.get(k);
                String b = after.get(k);
                if (a == null ? b != null : !a.equals(b)) {
                    storeChanges.add(k + ": " + a + " -> " + b);
                }
            });
        }

        /** The checks that must count 0, as "name: n" lines; empty when all are 0. */
        String failures() {
            StringBuilder s = new StringBuilder();
            counts().forEach((name, list) -> {
                if (!list.isEmpty()) {
                    s.append(name).append(": ").append(list.size()).append(", first: ").append(list.get(0)).append('\n');
                }
            });
            return s.toString();
        }

        Map<String, List<String>> counts() {
            Map<String, List<String>> c = new LinkedHashMap<>();
            c.put("input the server failed on (no clear refusal)", serverFaults);
            c.put("state changed by words (answers)", stateChanges);
            c.put("state changed by words (PostgreSQL, Redis)", storeChanges);
            c.put("another player's words outside a fence", crossUnfenced);
            c.put("own words outside a fence (e.g. echoed in the fixed outcome)", ownUnfenced);
            c.put("player words outside a fence in a service's own prompt", serviceUnfenced);
            c.put("forged fence markers", forged);
            c.put("a conversation with the NPC recalled to another player", privateRecalled);
            c.put("cached narrations carrying another player's words", cachedLeaks);
            c.put("cached narrations of unknown origin", cachedUnknown);
            return c;
        }

        String summary(int entries, int actions, int canaryCount, long ms) {
            int bad = counts().values().stream().mapToInt(List::size).sum();
            return entries + " entries, " + actions + " actions, " + canaryCount + " canaries, prompts " + prompts
                    + ", cached answers " + cached + ": state changes " + (stateChanges.size() + storeChanges.size())
                    + ", cross-player unfenced " + crossUnfenced.size() + ", own unfenced " + ownUnfenced.size()
                    + ", forged markers " + forged.size() + ", private recalled " + privateRecalled.size()
                    + ", cached leaks " + (cachedLeaks.size() + cachedUnknown.size()) + " (" + (bad == 0 ? "PASS" : "FAIL")
                    + ", " + ms + " ms)";
        }

        String report(List<InjectionCorpus.Entry> corpus, String summary) {
            StringBuilder r = new StringBuilder("# Injection corpus\n\n").append(summary).append("\n\n");
            r.append("| check (must be 0) | count |\n|---|---|\n");
            counts().forEach((name, list) -> r.append("| ").append(name).append(" | ").append(list.size()).append(" |\n"));
            r.append("\nAnswers: ").append(answers).append(" (by source ").append(sources).append("), refused before "
                    + "the rules (error frames): ").append(refusedByPipeline.size()).append(". Canary occurrences in "
                    + "prompts: ").append(occurrences).append(", of them another player's inside a fence: ")
                    .append(crossFenced).append(". Prompts a service sent on its own: ").append(unattributed.size())
                    .append(".\n\n## Corpus\n\n| id | category |\n|---|---|\n");
            corpus.forEach(e -> r.append("| ").append(e.id()).append(" | ").append(e.category()).append(" |\n"));
            counts().forEach((name, list) -> {
                if (!list.isEmpty()) {
                    r.append("\n## ").append(name).append("\n\n");
                    list.stream().limit(50).forEach(x -> r.append("- ").append(x.replace("|", "\\|")).append('\n'));
                }
            });
            if (!refusedByPipeline.isEmpty()) {
                r.append("\n## Refused before the rules\n\n");
                refusedByPipeline.forEach(x -> r.append("- ").append(x).append('\n'));
            }
            return r.toString();
        }
    }
}
