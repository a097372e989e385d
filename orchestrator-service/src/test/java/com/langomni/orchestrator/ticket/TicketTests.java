package com.langomni.orchestrator.ticket;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.langomni.orchestrator.common.RedisKeys;
import com.langomni.orchestrator.support.TestGateways;
import com.langomni.orchestrator.support.TestPlayer;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Socket tickets: issued for a live token, redeemed once within their TTL, kept in Redis only as a hash. */
@QuarkusTest
class TicketTests {

    @Inject
    RedisDataSource redis;

    @Test
    void aTicketIsRedeemedOnceForThePlayersToken() {
        TestPlayer player = TestPlayer.register();

        String ticket = player.post("/api/auth/ticket").then()
                .statusCode(200)
                .body("expiresInSeconds", equalTo(30))
                .extract().path("ticket");

        assertTrue(Base64.getUrlDecoder().decode(ticket).length >= 16, "at least 128 random bits: " + ticket);
        redeem(ticket).then().statusCode(200)
                .body("playerId", equalTo(player.id()))
                .body("token", equalTo(player.token()));
        redeem(ticket).then().statusCode(401)
                .body("code", equalTo("unauthorized"))
                .body("message", equalTo("this ticket is unknown, used or expired; fetch a new one (POST /api/auth/ticket)"));
    }

    @Test
    void everyTicketIsNewAndRedisKeepsNeitherTheTicketNorTheToken() {
        TestPlayer player = TestPlayer.register();
        Set<String> tickets = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            tickets.add(player.post("/api/auth/ticket").then().statusCode(200).extract().path("ticket"));
        }
        assertEquals(5, tickets.size());

        String ticket = tickets.iterator().next();
        assertFalse(redis.key().exists(RedisKeys.socketTicket(ticket)), "the ticket is no key");
        String key = RedisKeys.socketTicket(sha256(ticket));
        String stored = redis.value(String.class).get(key);
        assertFalse(stored.contains(player.token()), stored);
        assertFalse(stored.contains(player.token().substring(player.token().indexOf('.') + 1)), "no signature");
        long ttl = redis.key().pttl(key);
        assertTrue(ttl > 0 && ttl <= 30_000, "expires within 30 s: " + ttl);
    }

    @Test
    void anExpiredTicketIsRefused() {
        TestPlayer player = TestPlayer.register();
        String ticket = player.post("/api/auth/ticket").then().statusCode(200).extract().path("ticket");
        String key = RedisKeys.socketTicket(sha256(ticket));

        redis.key().pexpire(key, 1); // as Redis does at the ticket's TTL
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5)).until(() -> !redis.key().exists(key));

        redeem(ticket).then().statusCode(401).body("code", equalTo("unauthorized"));
    }

    @Test
    void unknownOrMalformedTicketsAreRefused() {
        for (String ticket : List.of("", "   ", "not-a-ticket", "x".repeat(129),
                Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[32]))) {
            redeem(ticket).then().statusCode(401).body("code", equalTo("unauthorized"));
        }
        given().contentType(ContentType.JSON).body("{}").post("/internal/tickets/redeem").then()
                .statusCode(401).body("code", equalTo("unauthorized"));
        given().contentType(ContentType.JSON).body("{\"ticket\":").post("/internal/tickets/redeem").then()
                .statusCode(400).body("code", equalTo("bad_request"));
    }

    @Test
    void onlyALiveTokenGetsATicket() {
        given().post("/api/auth/ticket").then().statusCode(401).body("code", equalTo("unauthorized"));
        given().header("Authorization", "Bearer forged.token").post("/api/auth/ticket").then()
                .statusCode(401).body("code", equalTo("unauthorized"));

        TestPlayer player = TestPlayer.register();
        player.post("/api/auth/logout").then().statusCode(204);
        player.post("/api/auth/ticket").then().statusCode(401).body("code", equalTo("unauthorized"));
    }

    /** A ticket outlives nothing: the token it answers is checked again when the socket opens. */
    @Test
    void aTicketOfASessionEndedSinceOpensNoSocket() {
        TestPlayer player = TestPlayer.register();
        String ticket = player.post("/api/auth/ticket").then().statusCode(200).extract().path("ticket");
        player.post("/api/auth/logout").then().statusCode(204);

        String token = redeem(ticket).then().statusCode(200).extract().path("token");
        assertEquals(player.token(), token);
        given().header("Authorization", "Bearer " + token).post(TestGateways.session(player.id(), "open")).then()
                .statusCode(401);
    }

    @Test
    void twoPlayersTicketsNeverCross() {
        TestPlayer ada = TestPlayer.register();
        TestPlayer bram = TestPlayer.register();
        String adas = ada.post("/api/auth/ticket").then().statusCode(200).extract().path("ticket");
        String brams = bram.post("/api/auth/ticket").then().statusCode(200).extract().path("ticket");
        assertNotEquals(adas, brams);

        redeem(brams).then().statusCode(200).body("playerId", equalTo(bram.id())).body("token", equalTo(bram.token()));
        redeem(adas).then().statusCode(200).body("playerId", equalTo(ada.id())).body("token", equalTo(ada.token()));
    }

    private static Response redeem(String ticket) {
        return given().contentType(ContentType.JSON).body(Map.of("ticket", ticket)).post("/internal/tickets/redeem");
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
