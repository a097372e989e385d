package com.langomni.orchestrator.admin;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.langomni.orchestrator.support.PlayerChannel;
import com.langomni.orchestrator.support.TestAdmin;
import com.langomni.orchestrator.support.TestGateways;
import com.langomni.orchestrator.support.TestPlayer;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import com.langomni.orchestrator.auth.SessionRevocationTests;

/** An admin bans (for a while), lifts a ban and changes roles; bans and role changes end the player's sessions. */
@QuarkusTest
class AdminAccountsTests {

    @Inject
    RedisDataSource redis;

    @Inject
    ObjectMapper json;

    private static RequestSpecification admin() {
        return given().header("Authorization", TestAdmin.bearer());
    }

    private static io.restassured.response.Response ban(String playerId, Object body) {
        return admin().contentType(ContentType.JSON).body(body).post("/api/admin/players/" + playerId + "/ban");
    }

    @Test
    void aBanEndsTheSessionsKicksTheSocketsAndRefusesLoginsUntilLifted() {
        TestPlayer player = TestPlayer.register();
        player.connect();
        SessionRevocationTests.works(player);

        try (PlayerChannel channel = new PlayerChannel(redis, json, player.id())) {
            Instant before = Instant.now();
            String until = ban(player.id(), Map.of("minutes", 30, "reason", "spamming the square")).then()
                    .statusCode(200)
                    .extract().path("bannedUntil");
            Instant end = Instant.parse(until);
            assertTrue(!end.isBefore(before.plusSeconds(30 * 60 - 1)) && !end.isAfter(Instant.now().plusSeconds(30 * 60)),
                    () -> "bannedUntil " + until);

            await().atMost(Duration.ofSeconds(10)).until(() -> !channel.controls().isEmpty());
            assertEquals("kick", channel.controls().get(0).path("control").asText());
            assertTrue(channel.controls().get(0).path("reason").asText().contains("spamming the square"));
        }

        player.act("look").then().statusCode(401).body("code", equalTo("unauthorized"));
        given().header("Authorization", player.bearer()).contentType(ContentType.JSON)
                .body(Map.of("id", UUID.randomUUID().toString(), "text", "look"))
                .post("/internal/actions").then().statusCode(401);
        player.post(TestGateways.session(player.id(), "open")).then().statusCode(401);
        player.disconnect(); // the kicked socket still leaves
        SessionRevocationTests.login(player.name(), TestPlayer.PASSWORD).then()
                .statusCode(403)
                .body("code", equalTo("banned"))
                .body("message", containsString("spamming the square"));
        String message = SessionRevocationTests.login(player.name(), TestPlayer.PASSWORD).path("message");
        String until = admin().get("/api/admin/players/" + player.id()).then()
                .statusCode(200).extract().path("bannedUntil");
        assertTrue(message.contains(until), () -> message + " does not say until " + until);
        admin().queryParam("q", player.name()).get("/api/admin/players").then()
                .statusCode(200).body("players[0].bannedUntil", equalTo(until));
        // a wrong password learns nothing about the ban
        SessionRevocationTests.login(player.name(), "not the password").then().statusCode(401);

        admin().delete("/api/admin/players/" + player.id() + "/ban").then().statusCode(204);

        admin().get("/api/admin/players/" + player.id()).then().statusCode(200).body("bannedUntil", nullValue());
        player.act("look").then().statusCode(401); // what the ban ended stays ended
        String token = SessionRevocationTests.login(player.name(), TestPlayer.PASSWORD).then()
                .statusCode(200).extract().path("token");
        TestPlayer back = new TestPlayer(player.id(), player.name(), token);
        SessionRevocationTests.works(back);
        back.connect();
        back.disconnect();
    }

    @Test
    void aPlayerNeverBannedShowsNoBan() {
        TestPlayer player = TestPlayer.register();
        admin().get("/api/admin/players/" + player.id()).then().statusCode(200).body("bannedUntil", nullValue());
        admin().queryParam("q", player.name()).get("/api/admin/players").then()
                .statusCode(200).body("players[0].bannedUntil", nullValue());
        // lifting a ban that is not there is fine
        admin().delete("/api/admin/players/" + player.id() + "/ban").then().statusCode(204);
    }

    @Test
    void aBanWithoutAReasonIsFine() {
        TestPlayer player = TestPlayer.register();
        ban(player.id(), Map.of("minutes", 1)).then().statusCode(200);
        SessionRevocationTests.login(player.name(), TestPlayer.PASSWORD).then()
                .statusCode(403).body("code", equalTo("banned")).body("message", containsString("banned until"));
    }

    @Test
    void badBansAre400AndBanNobody() {
        TestPlayer player = TestPlayer.register();
        Map<String, Object> longReason = new HashMap<>();
        longReason.put("minutes", 5);
        longReason.put("reason", "x".repeat(201));
        for (Object body : new Object[] {Map.of("minutes", 0), Map.of("minutes", 525_601), Map.of("minutes", -5),
                Map.of("reason", "no minutes"), "{\"minutes\":\"ten\"}", "null", "{", longReason}) {
            ban(player.id(), body).then().statusCode(400).body("code", equalTo("bad_request"));
        }
        ban(player.id(), Map.of("minutes", 525_600)).then().statusCode(200); // a year is the most
        admin().delete("/api/admin/players/" + player.id() + "/ban").then().statusCode(204);
        SessionRevocationTests.login(player.name(), TestPlayer.PASSWORD).then().statusCode(200);
    }

    @Test
    void anAdminCannotBanOrChangeTheRoleOfThemselves() {
        String token = TestAdmin.login(TestAdmin.NAME, TestAdmin.PASSWORD);
        String adminId = given().header("Authorization", "Bearer " + token).queryParam("q", TestAdmin.NAME)
                .get("/api/admin/players").then().statusCode(200)
                .extract().path("players.find { it.name == '" + TestAdmin.NAME + "' }.id");

        given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON)
                .body(Map.of("minutes", 5)).post("/api/admin/players/" + adminId + "/ban").then()
                .statusCode(400).body("message", containsString("themselves"));
        given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON)
                .body(Map.of("role", "player")).put("/api/admin/players/" + adminId + "/role").then()
                .statusCode(400);
        given().header("Authorization", "Bearer " + token).get("/api/admin/metrics/cache").then().statusCode(200);
    }

    @Test
    void unknownAndMalformedPlayersAre404And400() {
        String nobody = UUID.randomUUID().toString();
        ban(nobody, Map.of("minutes", 5)).then().statusCode(404).body("code", equalTo("not_found"));
        admin().delete("/api/admin/players/" + nobody + "/ban").then().statusCode(404);
        admin().contentType(ContentType.JSON).body(Map.of("role", "admin"))
                .put("/api/admin/players/" + nobody + "/role").then().statusCode(404);
        ban("nope", Map.of("minutes", 5)).then().statusCode(400);
        admin().delete("/api/admin/players/nope/ban").then().statusCode(400);
        admin().contentType(ContentType.JSON).body(Map.of("role", "admin"))
                .put("/api/admin/players/nope/role").then().statusCode(400);
    }

    @Test
    void playersCannotBanOrChangeRoles() {
        TestPlayer player = TestPlayer.register();
        TestPlayer other = TestPlayer.register();
        given().header("Authorization", player.bearer()).contentType(ContentType.JSON).body(Map.of("minutes", 5))
                .post("/api/admin/players/" + other.id() + "/ban").then().statusCode(403);
        given().header("Authorization", player.bearer())
                .delete("/api/admin/players/" + other.id() + "/ban").then().statusCode(403);
        given().header("Authorization", player.bearer()).contentType(ContentType.JSON).body(Map.of("role", "admin"))
                .put("/api/admin/players/" + player.id() + "/role").then().statusCode(403);
        given().contentType(ContentType.JSON).body(Map.of("minutes", 5))
                .post("/api/admin/players/" + other.id() + "/ban").then().statusCode(401);
        SessionRevocationTests.login(other.name(), TestPlayer.PASSWORD).then().statusCode(200);
    }

    @Test
    void aRoleChangeEndsTheSessionsAndTheNextLoginCarriesTheNewRole() {
        TestPlayer player = TestPlayer.register();
        SessionRevocationTests.works(player);

        try (PlayerChannel channel = new PlayerChannel(redis, json, player.id())) {
            admin().contentType(ContentType.JSON).body(Map.of("role", "admin"))
                    .put("/api/admin/players/" + player.id() + "/role").then()
                    .statusCode(200)
                    .body("id", equalTo(player.id()))
                    .body("role", equalTo("admin"))
                    .body("bannedUntil", nullValue());
            await().atMost(Duration.ofSeconds(10)).until(() -> !channel.controls().isEmpty());
            assertEquals("kick", channel.controls().get(0).path("control").asText());
        }
        player.get("/api/game/player/" + player.id()).then().statusCode(401);

        String adminToken = SessionRevocationTests.login(player.name(), TestPlayer.PASSWORD).then()
                .statusCode(200).body("role", equalTo("admin")).extract().path("token");
        given().header("Authorization", "Bearer " + adminToken).get("/api/admin/metrics/cache").then().statusCode(200);

        // the same role again changes nothing
        admin().contentType(ContentType.JSON).body(Map.of("role", "admin"))
                .put("/api/admin/players/" + player.id() + "/role").then().statusCode(200).body("role", equalTo("admin"));
        given().header("Authorization", "Bearer " + adminToken).get("/api/admin/metrics/cache").then().statusCode(200);

        admin().contentType(ContentType.JSON).body(Map.of("role", "player"))
                .put("/api/admin/players/" + player.id() + "/role").then().statusCode(200).body("role", equalTo("player"));
        given().header("Authorization", "Bearer " + adminToken).get("/api/admin/metrics/cache").then().statusCode(401);
        String playerToken = SessionRevocationTests.login(player.name(), TestPlayer.PASSWORD).then()
                .statusCode(200).body("role", equalTo("player")).extract().path("token");
        given().header("Authorization", "Bearer " + playerToken).get("/api/admin/metrics/cache").then().statusCode(403);
    }

    @Test
    void badRolesAre400() {
        TestPlayer player = TestPlayer.register();
        for (String body : new String[] {"{}", "{\"role\":\"root\"}", "{\"role\":\"Admin\"}", "{\"role\":null}", "null",
                "{"}) {
            admin().contentType(ContentType.JSON).body(body).put("/api/admin/players/" + player.id() + "/role").then()
                    .statusCode(400).body("code", equalTo("bad_request"));
        }
        SessionRevocationTests.works(player);
    }
}
