package com.langomni.orchestrator.session;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.langomni.api.bus.Channels;
import com.langomni.orchestrator.game.rules.model.World;
import com.langomni.orchestrator.support.Database;
import com.langomni.orchestrator.support.TestGateways;
import com.langomni.orchestrator.support.TestPlayer;
import io.agroal.api.AgroalDataSource;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.pubsub.PubSubCommands;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import com.langomni.orchestrator.common.RedisKeys;

/**
 * Exactly-once actions and the per-player outbox (issue #14), against the real PostgreSQL and Redis: an action id
 * is applied once however often it comes, every answer (result or refusal) is in the outbox with a sequence
 * number, and a session that resumes gets what it missed.
 */
@QuarkusTest
class DeliveryTests {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Inject
    RedisDataSource redis;

    @Inject
    World world;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ObjectMapper json;

    private final List<PubSubCommands.RedisSubscriber> subscribers = new CopyOnWriteArrayList<>();

    @AfterEach
    void unsubscribe() {
        subscribers.forEach(PubSubCommands.RedisSubscriber::unsubscribe);
    }

    @Test
    void anActionIdSentTwiceIsAppliedOnceAndAnsweredTwiceWithTheOriginalResult() {
        TestPlayer player = TestPlayer.register();
        String id = UUID.randomUUID().toString();

        Response first = player.act(id, "sing a song");
        first.then().statusCode(200);
        Response again = player.act(id, "sing a song");
        again.then().statusCode(200);
        Response different = player.act(id, "look"); // same id, other words: still the first action

        assertEquals(first.path("text").toString(), again.path("text").toString());
        assertEquals(first.path("text").toString(), different.path("text").toString());
        assertEquals(1, logged(player.id(), id).size());
        List<JsonNode> results = outbox(player.id()).stream().filter(f -> f.path("type").asText().equals("result"))
                .filter(f -> f.path("actionId").asText().equals(id)).toList();
        assertEquals(3, results.size(), "each answer went to the player's outbox");
    }

    @Test
    void aRepeatAfterTheOutboxLostTheAnswerGetsTheRulesTextOfTheLoggedOutcome() {
        TestPlayer player = TestPlayer.register();
        String id = UUID.randomUUID().toString();
        player.act(id, "inventory").then().statusCode(200);
        redis.key().del(RedisKeys.outbox(player.id()));

        Response again = player.act(id, "inventory");

        again.then().statusCode(200);
        assertEquals(1, logged(player.id(), id).size());
        assertEquals(logged(player.id(), id).get(0).get("message"), again.path("text"));
        assertEquals("rules", again.path("source"));
    }

    @Test
    void theGatewayPathAcknowledgesWithTheSeqOfTheAnswerInTheOutbox() {
        TestPlayer player = TestPlayer.register();

        JsonPath ack = internalAct(player, "a1", "inventory").jsonPath();

        long seq = ack.getLong("seq");
        assertEquals("a1", ack.getString("actionId"));
        assertNull(ack.get("frame"), "the answer is in the outbox, not in the acknowledgement");
        JsonNode answer = outboxFrame(player.id(), seq);
        assertEquals("result", answer.path("type").asText());
        assertEquals("a1", answer.path("actionId").asText());
    }

    @Test
    void aRefusalTravelsTheSamePathAsAResult() {
        TestPlayer player = TestPlayer.register();

        JsonPath ack = internalAct(player, "long", "x".repeat(501)).jsonPath();

        JsonNode answer = outboxFrame(player.id(), ack.getLong("seq"));
        assertEquals("error", answer.path("type").asText());
        assertEquals("too_large", answer.path("code").asText());
        assertEquals("long", answer.path("actionId").asText());
    }

    @Test
    void requestsWithoutAUsableIdOrTokenStayHttpErrors() {
        TestPlayer player = TestPlayer.register();

        internalAct(player, "", "look").then().statusCode(400);
        given().contentType(ContentType.JSON).body(Map.of("id", "x", "text", "look")).post("/internal/actions")
                .then().statusCode(401);
    }

    @Test
    void resumingASessionReplaysWhatCameAfterTheClientsLastSeq() {
        TestPlayer player = TestPlayer.register();
        long before = player.post(TestGateways.session(player.id(), "open")).then().statusCode(200)
                .extract().jsonPath().getLong("outbox.seq");
        player.disconnect();
        long a = internalAct(player, "r1", "inventory").jsonPath().getLong("seq");
        long b = internalAct(player, "r2", "inventory").jsonPath().getLong("seq");

        JsonPath resumed = player.post(TestGateways.session(player.id(), "open") + "&after=" + before).then()
                .statusCode(200).extract().jsonPath();

        assertEquals("ok", resumed.getString("outbox.resume"));
        assertEquals(b, resumed.getLong("outbox.seq"));
        assertEquals(List.of(a, b), resumed.getList("outbox.frames.seq", Long.class));
        assertTrue(resumed.getString("outbox.frames[0].frame").contains("\"actionId\":\"r1\""));
        assertEquals(player.id(), resumed.getString("welcome.player.id"));
        player.disconnect();
    }

    @Test
    void aResumeBeyondWhatTheOutboxHoldsIsTold() {
        TestPlayer player = TestPlayer.register();
        internalAct(player, "e1", "inventory");
        internalAct(player, "e2", "inventory");
        redis.key().del(RedisKeys.outbox(player.id())); // as if it expired

        JsonPath expired = player.get("/internal/sessions/" + player.id() + "/frames?after=1").then().statusCode(200)
                .extract().jsonPath();
        JsonPath ahead = player.get("/internal/sessions/" + player.id() + "/frames?after=99").then().statusCode(200)
                .extract().jsonPath();

        assertEquals("expired", expired.getString("resume"));
        assertTrue(expired.getList("frames").isEmpty());
        assertEquals("expired", ahead.getString("resume"));
        player.get("/internal/sessions/" + player.id() + "/frames").then().statusCode(400);
    }

    @Test
    void aRoomEventGoesToTheOutboxOfEveryoneOnlineThereButTheActorWithTheirOwnSeq() {
        TestPlayer speaker = TestPlayer.register();
        TestPlayer listener = TestPlayer.register();
        TestPlayer offline = TestPlayer.register();
        String start = world.startLocationId();
        List<String> room = subscribe(Channels.location(start));
        speaker.connect();
        listener.connect();
        long listenerBefore = head(listener.id());

        speaker.ok("say the bridge is out");

        JsonNode event = outboxFrame(listener.id(), listenerBefore + 1);
        assertEquals("event", event.path("type").asText());
        assertTrue(event.path("text").asText().contains("the bridge is out"));
        assertFalse(outbox(speaker.id()).stream().anyMatch(f -> f.path("type").asText().equals("event")
                && f.path("text").asText().contains("the bridge is out")), "the actor gets a result, not the event");
        assertEquals(0, head(offline.id()), "players offline get nothing");
        await().atMost(WAIT).until(() -> room.stream().anyMatch(m -> m.contains("the bridge is out")
                && m.contains("\"seqs\":{") && m.contains("\"" + listener.id() + "\":" + (listenerBefore + 1))));
        speaker.disconnect();
        listener.disconnect();
    }

    private List<Map<String, Object>> logged(String playerId, String actionId) {
        return new Database(dataSource).events(playerId).stream()
                .filter(event -> actionId.equals(event.get("action_id"))).toList();
    }

    private static Response internalAct(TestPlayer player, String id, String text) {
        return given().contentType(ContentType.JSON).header("Authorization", player.bearer())
                .body(Map.of("id", id, "text", text)).post("/internal/actions");
    }

    private long head(String playerId) {
        String head = redis.value(String.class).get(RedisKeys.outboxSeq(playerId));
        return head == null ? 0 : Long.parseLong(head);
    }

    private JsonNode outboxFrame(String playerId, long seq) {
        var entries = redis.stream(String.class).xrange(RedisKeys.outbox(playerId),
                io.quarkus.redis.datasource.stream.StreamRange.of(seq + "-0", seq + "-0"));
        assertEquals(1, entries.size(), "frame " + seq + " of " + playerId);
        assertNotNull(entries.get(0).payload().get("f"));
        return read(entries.get(0).payload().get("f"));
    }

    private List<JsonNode> outbox(String playerId) {
        return redis.stream(String.class).xrange(RedisKeys.outbox(playerId),
                        io.quarkus.redis.datasource.stream.StreamRange.of("-", "+"))
                .stream().map(entry -> read(entry.payload().get("f"))).toList();
    }

    private JsonNode read(String text) {
        try {
            return json.readTree(text);
        } catch (Exception e) {
            throw new AssertionError(text, e);
        }
    }

    private List<String> subscribe(String channel) {
        List<String> received = new CopyOnWriteArrayList<>();
        subscribers.add(redis.pubsub(String.class).subscribe(channel, received::add));
        return received;
    }
}
