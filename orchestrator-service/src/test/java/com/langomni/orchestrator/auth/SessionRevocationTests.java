package com.langomni.orchestrator.auth;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.langomni.orchestrator.support.Database;
import com.langomni.orchestrator.support.PlayerChannel;
import com.langomni.orchestrator.support.TestGateways;
import com.langomni.orchestrator.support.TestPlayer;
import io.agroal.api.AgroalDataSource;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Logout and password change end sessions: the tokens they end are refused at once, wherever they are shown. */
@QuarkusTest
public class SessionRevocationTests {

    @Inject
    RedisDataSource redis;

    @Inject
    ObjectMapper json;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    AdminBootstrap bootstrap;

    @ConfigProperty(name = "langomni.auth.secret")
    String secret;

    @Test
    void aLoggedOutTokenIsRefusedEverywhereWhileTheOtherSessionsGoOn() {
        TestPlayer player = TestPlayer.register();
        String other = login(player.name(), TestPlayer.PASSWORD).then().statusCode(200).extract().path("token");
        player.connect();
        works(player); // the session's verdict is now cached as live

        player.post("/api/auth/logout").then().statusCode(204);

        player.act("look").then().statusCode(401).body("code", equalTo("unauthorized"));
        given().header("Authorization", player.bearer()).contentType(ContentType.JSON)
                .body(Map.of("id", UUID.randomUUID().toString(), "text", "look"))
                .post("/internal/actions").then().statusCode(401); // the gateway's way in
        player.post(TestGateways.session(player.id(), "open")).then().statusCode(401);
        player.get("/internal/sessions/" + player.id() + "/frames?after=0").then().statusCode(401);
        player.get("/api/game/player/" + player.id()).then().statusCode(401);
        player.post("/api/auth/logout").then().statusCode(401);
        // the socket it opened still leaves (the gateway reports the close with the token it has)
        player.post(TestGateways.session(player.id(), "close")).then().statusCode(204);

        TestPlayer second = new TestPlayer(player.id(), player.name(), other);
        works(second);
        second.connect();
        second.disconnect();
    }

    @Test
    void postgresqlDecidesWhenRedisForgotTheVerdict() {
        TestPlayer player = TestPlayer.register();
        works(player);
        String key = "langomni:auth-session:" + sid(player.token());
        assertEquals("1", redis.value(String.class).get(key));

        player.post("/api/auth/logout").then().statusCode(204);
        assertEquals("0", redis.value(String.class).get(key));

        redis.key().del(key);
        player.act("look").then().statusCode(401);
        assertEquals("0", redis.value(String.class).get(key));
    }

    @Test
    void logoutNeedsALiveToken() {
        given().post("/api/auth/logout").then().statusCode(401);
        given().header("Authorization", "Bearer not.atoken").post("/api/auth/logout").then().statusCode(401);
    }

    @Test
    void aPasswordChangeEndsEveryOlderSessionAndAnswersWithAFreshToken() {
        TestPlayer player = TestPlayer.register();
        String other = login(player.name(), TestPlayer.PASSWORD).then().statusCode(200).extract().path("token");
        TestPlayer elsewhere = new TestPlayer(player.id(), player.name(), other);
        works(player);
        works(elsewhere);
        player.connect();

        try (PlayerChannel channel = new PlayerChannel(redis, json, player.id())) {
            Response changed = changePassword(player, TestPlayer.PASSWORD, "a brand new password");
            changed.then().statusCode(200)
                    .body("playerId", equalTo(player.id()))
                    .body("name", equalTo(player.name()))
                    .body("role", equalTo("player"))
                    .body("token", notNullValue())
                    .body("token", not(equalTo(player.token())));

            await().atMost(Duration.ofSeconds(10)).until(() -> !channel.controls().isEmpty());
            assertEquals("kick", channel.controls().get(0).path("control").asText());
            assertTrue(channel.controls().get(0).path("reason").asText().contains("password"));

            player.act("look").then().statusCode(401);
            elsewhere.act("look").then().statusCode(401);
            elsewhere.post(TestGateways.session(player.id(), "open")).then().statusCode(401);
            player.disconnect(); // the kicked socket leaves with its ended token

            TestPlayer fresh = new TestPlayer(player.id(), player.name(), changed.path("token"));
            works(fresh);
            fresh.connect();
            fresh.disconnect();
            login(player.name(), TestPlayer.PASSWORD).then().statusCode(401);
            login(player.name(), "a brand new password").then().statusCode(200);
        }
    }

    @Test
    void aWrongCurrentPasswordIs401AndChangesNothing() {
        TestPlayer player = TestPlayer.register();

        changePassword(player, "not the password", "a brand new password").then()
                .statusCode(401)
                .body("code", equalTo("unauthorized"));

        works(player);
        login(player.name(), TestPlayer.PASSWORD).then().statusCode(200);
        login(player.name(), "a brand new password").then().statusCode(401);
    }

    @Test
    void aBadNewPasswordIs400AndChangesNothing() {
        TestPlayer player = TestPlayer.register();

        changePassword(player, TestPlayer.PASSWORD, "short").then()
                .statusCode(400).body("code", equalTo("bad_request")).body("message", containsString("newPassword"));
        changePassword(player, TestPlayer.PASSWORD, "x".repeat(73)).then().statusCode(400);
        changePassword(player, TestPlayer.PASSWORD, "é".repeat(37)).then().statusCode(400); // 74 bytes
        for (String body : new String[] {"{}", "{\"currentPassword\":\"" + TestPlayer.PASSWORD + "\"}",
                "{\"newPassword\":\"a brand new password\"}", "null", "not json"}) {
            given().header("Authorization", player.bearer()).contentType(ContentType.JSON).body(body)
                    .post("/api/auth/password").then().statusCode(400).body("code", equalTo("bad_request"));
        }

        works(player);
        login(player.name(), TestPlayer.PASSWORD).then().statusCode(200);
    }

    @Test
    void aPasswordChangeNeedsALiveToken() {
        given().contentType(ContentType.JSON)
                .body(Map.of("currentPassword", TestPlayer.PASSWORD, "newPassword", "a brand new password"))
                .post("/api/auth/password").then().statusCode(401);
        TestPlayer player = TestPlayer.register();
        player.post("/api/auth/logout").then().statusCode(204);
        changePassword(player, TestPlayer.PASSWORD, "a brand new password").then().statusCode(401);
        login(player.name(), TestPlayer.PASSWORD).then().statusCode(200);
    }

    @Test
    void anAdminsNewPasswordNeedsTwelveCharacters() throws Throwable {
        String name = "a" + UUID.randomUUID().toString().substring(0, 8);
        VertxContextSupport.subscribeAndAwait(() -> bootstrap.ensure(name, Optional.of("admin-first-password"), false));
        String token = login(name, "admin-first-password").then().statusCode(200).extract().path("token");
        TestPlayer admin = new TestPlayer(null, name, token);

        changePassword(admin, "admin-first-password", "elevenchars").then()
                .statusCode(400).body("message", containsString("12"));
        changePassword(admin, "admin-first-password", "twelve-chars").then()
                .statusCode(200).body("role", equalTo("admin"));
        login(name, "twelve-chars").then().statusCode(200);
    }

    @Test
    void aLoginDropsThePlayersExpiredSessions() {
        TestPlayer player = TestPlayer.register();
        Database db = new Database(dataSource);
        UUID expired = UUID.randomUUID();
        db.update("insert into auth_sessions (id, player_id, auth_version, created_at, expires_at)"
                + " values (?, ?::uuid, 0, now() - interval '2 days', now() - interval '1 day')", expired, player.id());

        login(player.name(), TestPlayer.PASSWORD).then().statusCode(200);

        assertTrue(db.query("select id from auth_sessions where id = ?", expired).isEmpty());
        assertEquals(2L, db.one("select count(*) as n from auth_sessions where player_id = ?::uuid", player.id()).get("n"));
    }

    /** The token is honoured (a read: what an action answers is not this test's concern). */
    public static void works(TestPlayer player) {
        player.get("/api/game/player/" + player.id()).then().statusCode(200);
    }

    private String sid(String token) {
        TokenClaims claims = new TokenCodec(secret, json).decode(token, Instant.now().getEpochSecond()).orElseThrow();
        return claims.sid();
    }

    private static Response changePassword(TestPlayer player, String current, String next) {
        return given().header("Authorization", player.bearer()).contentType(ContentType.JSON)
                .body(Map.of("currentPassword", current, "newPassword", next))
                .post("/api/auth/password");
    }

    public static Response login(String name, String password) {
        return given().contentType(ContentType.JSON).body(Map.of("name", name, "password", password))
                .post("/api/auth/login");
    }
}
