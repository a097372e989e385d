package com.langomni.orchestrator.game;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.nullValue;

import com.langomni.orchestrator.support.Scrape;
import com.langomni.orchestrator.support.TestAdmin;
import com.langomni.orchestrator.support.TestPlayer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With Redis unreachable the game cannot run actions: it says so with 503s, and reads fall back to PostgreSQL. */
@QuarkusTest
@TestProfile(RedisDownTests.RedisDown.class)
class RedisDownTests {

    public static class RedisDown implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.redis.hosts", "redis://127.0.0.1:1");
        }
    }

    @Test
    void actionsAreRefusedAsUnavailableButPlayersCanStillBeRead() {
        TestPlayer player = TestPlayer.register();

        player.act("look").then()
                .statusCode(503)
                .body("code", equalTo("unavailable"));
        player.get("/api/game/player/" + player.id()).then()
                .statusCode(200)
                .body("name", equalTo(player.name()));
    }

    @Test
    void theGatewaysPathCarriesTheRefusalInTheAcknowledgementWhenTheOutboxCannotBeWritten() {
        TestPlayer player = TestPlayer.register();

        String frame = given().contentType(io.restassured.http.ContentType.JSON)
                .header("Authorization", player.bearer())
                .body(Map.of("id", "down-1", "text", "look"))
                .post("/internal/actions").then()
                .statusCode(200)
                .body("actionId", equalTo("down-1"))
                .body("seq", org.hamcrest.Matchers.nullValue())
                .extract().path("frame");

        io.restassured.path.json.JsonPath error = io.restassured.path.json.JsonPath.from(frame);
        assertEquals("error", error.getString("type"));
        assertEquals("unavailable", error.getString("code"));
        assertEquals("down-1", error.getString("actionId"));
    }

    @Test
    void sessionsAreCheckedInPostgresqlWhileRedisIsDown() {
        TestPlayer player = TestPlayer.register();
        player.get("/api/game/player/" + player.id()).then().statusCode(200);

        player.post("/api/auth/logout").then().statusCode(204);

        player.get("/api/game/player/" + player.id()).then().statusCode(401).body("code", equalTo("unauthorized"));
    }

    /** Tickets live in Redis only: without it none is issued or redeemed, and the answer says to try again. */
    @Test
    void socketTicketsAreUnavailableNotFailed() {
        TestPlayer player = TestPlayer.register();

        player.post("/api/auth/ticket").then().statusCode(503).body("code", equalTo("unavailable"));
        given().contentType(io.restassured.http.ContentType.JSON).body(Map.of("ticket", "a".repeat(43)))
                .post("/internal/tickets/redeem").then()
                .statusCode(503).body("code", equalTo("unavailable"));
    }

    @Test
    void adminFiguresDegradeToUnknownInsteadOfFailing() {
        String admin = TestAdmin.bearer();
        given().header("Authorization", admin).get("/api/admin/stats").then()
                .statusCode(200)
                .body("playersOnline", nullValue())
                .body("playersTotal", greaterThanOrEqualTo(1))
                .body("actions.lastMinute", nullValue())
                .body("actions.p95Ms", nullValue())
                .body("cache.hits", nullValue())
                .body("memoryQueue.depth", nullValue());
        given().header("Authorization", admin).get("/api/admin/topology").then()
                .statusCode(200)
                .body("status", equalTo("DOWN"))
                .body("nodes.find { it.id == 'redis' }.status", equalTo("DOWN"))
                .body("nodes.find { it.id == 'postgresql' }.status", equalTo("UP"));
        given().header("Authorization", admin).get("/api/admin/players").then()
                .statusCode(200)
                .body("total", greaterThanOrEqualTo(1))
                .body("players.online", everyItem(equalTo(false)));
    }

    @Test
    void detailedHealthIsDownAndSaysWhy() {
        given().header("Authorization", TestAdmin.bearer()).get("/api/health/detailed").then()
                .statusCode(503)
                .body("status", equalTo("DOWN"))
                .body("components.postgresql.status", equalTo("UP"))
                .body("components.redis.status", equalTo("DOWN"))
                .body("components.redis.detail", equalTo("unreachable"));
        given().get("/q/health/ready").then().statusCode(503);
    }

    @Test
    void theDependencyGaugeSaysRedisIsDownAndPostgresqlUp() {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Scrape scrape = Scrape.now();
            assertEquals(0, scrape.value("langomni_dependency_up", "dependency", "redis"));
            assertEquals(1, scrape.value("langomni_dependency_up", "dependency", "postgresql"));
        });
    }
}
