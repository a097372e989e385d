package com.langomni.orchestrator.moderation;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.langomni.api.bus.Channels;
import com.langomni.api.outcome.Facts;
import com.langomni.api.outcome.Refusal;
import com.langomni.orchestrator.game.rules.model.Npc;
import com.langomni.orchestrator.game.rules.model.World;
import com.langomni.orchestrator.support.FakeLlmServices;
import com.langomni.orchestrator.support.FakeMemoryService;
import com.langomni.orchestrator.support.FakeModerationEndpoint;
import com.langomni.orchestrator.support.LlmServicesProfile;
import com.langomni.orchestrator.support.PlayerChannel;
import com.langomni.orchestrator.support.TestAdmin;
import com.langomni.orchestrator.support.TestPlayer;
import com.langomni.orchestrator.support.TestWorld;
import com.langomni.words.OutcomeText;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.pubsub.PubSubCommands;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The moderation hook end to end in the orchestrator: flagged player text is refused, unheard and unstored; flagged
 * model output is replaced by the rules' text before any of it is shown; the endpoint's failures fall back to the
 * word list; the world's mode is the admins' to set and "off" lets everything through; flags are listed for admins.
 */
@QuarkusTest
@TestProfile(LlmServicesProfile.class)
class ModerationTests {

    /** In the shipped word list; written with a zero-width space and fullwidth letters it is still caught. */
    static final String ABUSE = "kill yourself";
    static final String DISGUISED = "k\u200Bill your\uFF53elf";
    static final String WITHHELD = OutcomeText.of(Facts.Refused.because(Refusal.WITHHELD));

    @Inject
    FakeLlmServices llm;

    @Inject
    FakeModerationEndpoint endpoint;

    @Inject
    FakeMemoryService memory;

    @Inject
    RedisDataSource redis;

    @Inject
    ObjectMapper json;

    @Inject
    World world;

    @Inject
    Pool postgres;

    @Inject
    CircuitBreakerMaintenance breakers;

    private final List<PubSubCommands.RedisSubscriber> subscribers = new CopyOnWriteArrayList<>();

    @BeforeEach
    void healthy() {
        llm.reset();
        endpoint.reset();
        memory.reset();
        breakers.resetAll();
        mode("words");
    }

    @AfterEach
    void restore() {
        subscribers.forEach(PubSubCommands.RedisSubscriber::unsubscribe);
        llm.reset();
        endpoint.reset();
        mode("words");
    }

    @Test
    void flaggedSpeechIsRefusedUnheardUnstoredAndRecorded() {
        TestPlayer speaker = TestPlayer.register();
        List<String> room = subscribe(Channels.location(world.startLocationId()));
        String actionId = UUID.randomUUID().toString();

        Response refused = speaker.act(actionId, "say you should " + DISGUISED);
        refused.then().statusCode(200);
        assertEquals(WITHHELD, refused.path("text"));
        assertEquals("rules", refused.path("source"));

        // the room hears the next clean line, and never the flagged one before it
        speaker.ok("say good morning");
        await().atMost(Duration.ofSeconds(10)).until(() -> room.stream().anyMatch(m -> m.contains("good morning")));
        assertTrue(room.stream().noneMatch(m -> m.contains(speaker.name() + " says") && m.contains("should")), room::toString);

        JsonNode event = eventOf(speaker.id(), actionId);
        assertFalse(event.path("success").asBoolean());
        assertTrue(event.path("text").isNull(), "the withheld words are not in the event log: " + event);
        assertEquals("WITHHELD", event.path("reason").asText());

        JsonNode flag = awaitFlags(speaker.id(), 1).get(0);
        assertEquals("say", flag.path("source").asText());
        assertEquals(actionId, flag.path("actionId").asText());
        assertTrue(flag.path("text").asText().contains("should"));
        assertEquals("words", flag.path("checker").asText());
        assertEquals(speaker.name(), flag.path("playerName").asText());

        // a repeat of the same action gets the same answer and is flagged once
        assertEquals(WITHHELD, speaker.act(actionId, "say you should " + DISGUISED).path("text"));
        assertEquals(WITHHELD, speaker.ok("say " + ABUSE).path("text"));
        assertEquals(2, awaitFlags(speaker.id(), 2).size());
    }

    @Test
    void flaggedWordsToAnNpcReachNeitherTheNpcNorAnyMemory() {
        TestPlayer player = TestPlayer.register();
        Npc npc = walkToAnNpc(player);
        String alias = npc.aliases().stream().findFirst().orElse(npc.name());
        int asked = llm.npcRequests().size();

        Response refused = player.ok("tell " + alias + " " + ABUSE);
        assertEquals(WITHHELD, refused.path("text"));
        Response talk = player.ok("ask " + alias + " about " + ABUSE);
        assertEquals(WITHHELD, talk.path("text"));

        player.ok("ask " + alias + " about the weather");
        assertEquals(asked + 1, llm.npcRequests().size(), "only the clean question reached npc-llm");
        await().atMost(Duration.ofSeconds(10)).until(() -> !memory.writesContaining("weather").isEmpty());
        assertTrue(memory.writesContaining("yourself").isEmpty(), "no memory holds the flagged words");
        assertEquals(2, awaitFlags(player.id(), 2).size());
    }

    @Test
    void flaggedNarrationIsNeverShownAndTheRulesTextReplacesIt() {
        llm.worldText("The mist parts and a voice says: " + ABUSE + ", traveller.");
        TestPlayer player = TestPlayer.register();
        try (PlayerChannel channel = new PlayerChannel(redis, json, player.id())) {
            String actionId = UUID.randomUUID().toString();
            Response response = player.act(actionId, "sing to the mist");
            response.then().statusCode(200);
            assertEquals("rules", response.path("source"));
            assertEquals(OutcomeText.of(new Facts.Nothing()), response.path("text"));

            await().atMost(Duration.ofSeconds(10)).until(() -> channel.hasResult(actionId));
            String shown = channel.frames("narration").stream().map(f -> f.path("delta").asText())
                    .collect(Collectors.joining());
            assertFalse(shown.contains("yourself"), "streamed: " + shown);
            assertTrue("The mist parts and a voice says: kill ".startsWith(shown), "streamed: " + shown);
        }
        JsonNode flag = awaitFlags(player.id(), 1).get(0);
        assertEquals(Moderation.NARRATION, flag.path("source").asText());
        assertTrue(flag.path("text").asText().contains(ABUSE));
    }

    @Test
    void aFlaggedNpcReplyIsReplacedByTheNpcsOwnWordsAndNotRemembered() {
        llm.npcText("Go on, " + ABUSE + ".");
        TestPlayer player = TestPlayer.register();
        Npc npc = walkToAnNpc(player);
        String alias = npc.aliases().stream().findFirst().orElse(npc.name());

        Response response = player.ok("talk to " + alias);
        assertEquals("rules", response.path("source"));
        assertFalse(response.path("text").toString().contains("yourself"), response.asString());
        assertTrue(response.path("text").toString().contains(npc.name()), response.asString());
        assertEquals(Moderation.NPC_REPLY, awaitFlags(player.id(), 1).get(0).path("source").asText());
        await().atMost(Duration.ofSeconds(10)).until(() -> !memory.writesContaining(player.name()).isEmpty());
        assertTrue(memory.writesContaining("yourself").isEmpty(), "the flagged line is in no memory");
    }

    @Test
    void theEndpointFlagsWhatTheWordListDoesNotKnow() {
        mode("endpoint");
        TestPlayer player = TestPlayer.register();

        assertEquals(WITHHELD, player.ok("say " + FakeModerationEndpoint.FLAGGED + " everyone").path("text"));
        assertEquals("You say, \"hello everyone\"", player.ok("say hello everyone").path("text"));
        JsonNode flag = awaitFlags(player.id(), 1).get(0);
        assertEquals("endpoint", flag.path("checker").asText());
        assertEquals("harassment", flag.path("categories").get(0).asText());
        assertTrue(endpoint.inputs().stream().anyMatch(i -> i.contains("hello everyone")));
    }

    @Test
    void aFailingEndpointFallsBackToTheWordListNeverToAnError() {
        mode("endpoint");
        endpoint.mode(FakeModerationEndpoint.Mode.ERROR);
        TestPlayer player = TestPlayer.register();

        assertEquals(WITHHELD, player.ok("say " + ABUSE).path("text"), "the word list still catches it");
        assertEquals("You say, \"" + FakeModerationEndpoint.FLAGGED + "\"",
                player.ok("say " + FakeModerationEndpoint.FLAGGED).path("text"), "what only the endpoint knows passes");
        assertEquals("words-fallback", awaitFlags(player.id(), 1).get(0).path("checker").asText());
    }

    @Test
    void aHungEndpointCostsItsDeadlineThenTheWordListDecides() {
        mode("endpoint");
        endpoint.mode(FakeModerationEndpoint.Mode.HANG);
        TestPlayer player = TestPlayer.register();

        long started = System.nanoTime();
        Response response = player.ok("say " + ABUSE);
        long tookMs = Duration.ofNanos(System.nanoTime() - started).toMillis();
        assertEquals(WITHHELD, response.path("text"));
        assertTrue(tookMs < 800 + 2000, () -> "answered in " + tookMs + " ms");
        assertEquals("words-fallback", awaitFlags(player.id(), 1).get(0).path("checker").asText());
    }

    @Test
    void modeOffLetsEverythingThrough() {
        mode("off");
        TestPlayer player = TestPlayer.register();
        List<String> room = subscribe(Channels.location(world.startLocationId()));

        assertEquals("You say, \"" + ABUSE + "\"", player.ok("say " + ABUSE).path("text"));
        await().atMost(Duration.ofSeconds(10)).until(() -> room.stream().anyMatch(m -> m.contains(ABUSE)));
        assertTrue(flagsFor(player.id()).isEmpty());
    }

    @Test
    void aFlaggedNameIsRefusedAtRegistrationAndNoAccountIsMade() {
        String name = "Kill_Y0urself_" + (System.nanoTime() % 1000);
        given().contentType(ContentType.JSON).body(Map.of("name", name, "password", TestPlayer.PASSWORD))
                .post("/api/auth/register").then().statusCode(400);
        given().contentType(ContentType.JSON).body(Map.of("name", name, "password", TestPlayer.PASSWORD))
                .post("/api/auth/login").then().statusCode(401);
        mode("off");
        given().contentType(ContentType.JSON).body(Map.of("name", name, "password", TestPlayer.PASSWORD))
                .post("/api/auth/register").then().statusCode(201);
    }

    @Test
    void theSettingAndTheFlagsAreForAdminsOnly() {
        TestPlayer player = TestPlayer.register();
        given().get("/api/admin/moderation").then().statusCode(401);
        given().header("Authorization", player.bearer()).get("/api/admin/moderation").then().statusCode(403);
        given().header("Authorization", player.bearer()).contentType(ContentType.JSON)
                .body(Map.of("mode", "off")).put("/api/admin/moderation/settings").then().statusCode(403);
        given().header("Authorization", TestAdmin.bearer()).get("/api/admin/moderation/settings")
                .then().statusCode(200);
    }

    @Test
    void badSettingsAndPagesAreClearErrors() {
        String admin = TestAdmin.bearer();
        given().header("Authorization", admin).contentType(ContentType.JSON).body(Map.of("mode", "loud"))
                .put("/api/admin/moderation/settings").then().statusCode(400);
        given().header("Authorization", admin).get("/api/admin/moderation?limit=0").then().statusCode(400);
        given().header("Authorization", admin).get("/api/admin/moderation?limit=x").then().statusCode(400);
        given().header("Authorization", admin).get("/api/admin/moderation?offset=-1").then().statusCode(400);
        assertEquals("words", given().header("Authorization", admin).get("/api/admin/moderation/settings")
                .then().statusCode(200).extract().path("mode"), "a refused change changes nothing");
    }

    @Test
    void flagsArePagedNewestFirst() {
        TestPlayer player = TestPlayer.register();
        player.ok("say first " + ABUSE);
        player.ok("say second " + ABUSE);
        awaitFlags(player.id(), 2);
        String admin = TestAdmin.bearer();
        Response page = given().header("Authorization", admin).get("/api/admin/moderation?limit=1&offset=0");
        page.then().statusCode(200);
        assertTrue(page.<Integer>path("total") >= 2);
        assertEquals(1, page.<List<?>>path("flags").size());
        assertTrue(page.<String>path("flags[0].text").startsWith("say second"), page.asString());
        Response next = given().header("Authorization", admin).get("/api/admin/moderation?limit=1&offset=1");
        assertTrue(next.<String>path("flags[0].text").startsWith("say first"), next.asString());
    }

    private void mode(String mode) {
        given().header("Authorization", TestAdmin.bearer()).contentType(ContentType.JSON).body(Map.of("mode", mode))
                .put("/api/admin/moderation/settings").then().statusCode(200);
    }

    private Npc walkToAnNpc(TestPlayer player) {
        TestWorld.Route route = new TestWorld(world).routeTo(l -> !l.npcs().isEmpty());
        route.directions().forEach(direction -> player.ok("go " + direction));
        return world.npcs().get(route.destination().npcs().get(0));
    }

    /** The flags of one player once there are at least {@code count} (they are written in the background). */
    private List<JsonNode> awaitFlags(String playerId, int count) {
        await().atMost(Duration.ofSeconds(10)).until(() -> flagsFor(playerId).size() >= count);
        return flagsFor(playerId);
    }

    /** The flags of one player, newest first, from the admin endpoint. */
    private List<JsonNode> flagsFor(String playerId) {
        JsonNode page = readJson(given().header("Authorization", TestAdmin.bearer())
                .get("/api/admin/moderation?limit=200").then().statusCode(200).extract().asString());
        List<JsonNode> mine = new java.util.ArrayList<>();
        page.path("flags").forEach(flag -> {
            if (playerId.equals(flag.path("playerId").asText())) {
                mine.add(flag);
            }
        });
        return mine;
    }

    private JsonNode eventOf(String playerId, String actionId) {
        var row = postgres.preparedQuery("select success, text, facts->>'reason' as reason from events"
                        + " where player_id = $1 and action_id = $2")
                .execute(Tuple.of(UUID.fromString(playerId), actionId)).await().atMost(Duration.ofSeconds(5))
                .iterator().next();
        return json.createObjectNode().put("success", row.getBoolean("success")).put("text", row.getString("text"))
                .put("reason", row.getString("reason"));
    }

    private JsonNode readJson(String body) {
        try {
            return json.readTree(body);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> subscribe(String channel) {
        List<String> received = new CopyOnWriteArrayList<>();
        subscribers.add(redis.pubsub(String.class).subscribe(channel, received::add));
        return received;
    }
}
