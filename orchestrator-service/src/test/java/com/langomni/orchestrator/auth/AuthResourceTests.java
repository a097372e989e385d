package com.langomni.orchestrator.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.langomni.orchestrator.support.Database;
import com.langomni.orchestrator.support.TestGateways;
import com.langomni.orchestrator.support.TestPlayer;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
class AuthResourceTests {

    @Inject
    ObjectMapper json;

    @Inject
    AgroalDataSource dataSource;

    @ConfigProperty(name = "langomni.auth.secret")
    String secret;

    @Test
    void registerCreatesAPlayerAndAWorkingToken() {
        TestPlayer player = TestPlayer.register();

        player.get("/api/game/player/" + player.id()).then()
                .statusCode(200)
                .body("id", equalTo(player.id()))
                .body("name", equalTo(player.name()))
                .body("hp", notNullValue());
        Map<String, Object> row = new Database(dataSource)
                .one("select name, role, password_hash from players where id = ?::uuid", player.id());
        assertEquals(player.name(), row.get("name"));
        assertEquals("player", row.get("role"));
        // a bcrypt hash, never the password
        assertThat((String) row.get("password_hash"), matchesPattern("\\$2[aby]?\\$.{50,}"));
    }

    @Test
    void duplicateNamesConflictWhateverTheirCase() {
        TestPlayer player = TestPlayer.register();
        register(player.name().toUpperCase(), "another password").then()
                .statusCode(409)
                .body("code", equalTo("conflict"));
        register(player.name(), TestPlayer.PASSWORD).then().statusCode(409);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{}",
            "{\"password\":\"long enough pw\"}",
            "{\"name\":\"\",\"password\":\"long enough pw\"}",
            "{\"name\":\"   \",\"password\":\"long enough pw\"}",
            "{\"name\":\"has space\",\"password\":\"long enough pw\"}",
            "{\"name\":\"semi;colon\",\"password\":\"long enough pw\"}",
            "{\"name\":\"abcdefghijklmnopqrstuvwxy\",\"password\":\"long enough pw\"}",
            "{\"name\":\"ShortPw\",\"password\":\"1234567\"}",
            "{\"name\":\"NoPw\"}",
            "{\"name\":\"LongPw\",\"password\":\"0123456789012345678901234567890123456789012345678901234567890123456789xyz\"}",
            "{\"name\":[\"array\"],\"password\":\"long enough pw\"}",
            "{\"name\":\"Trunc",
            "not json at all",
            "[]",
            "null"})
    void badRegistrationsAreRefusedWith400(String body) {
        given().contentType(ContentType.JSON).body(body).post("/api/auth/register").then()
                .statusCode(400)
                .body("code", equalTo("bad_request"))
                .body("message", notNullValue());
    }

    @Test
    void emptyBodyIsABadRequest() {
        given().contentType(ContentType.JSON).post("/api/auth/register").then()
                .statusCode(400)
                .body("code", equalTo("bad_request"));
        given().contentType(ContentType.JSON).post("/api/auth/login").then()
                .statusCode(400)
                .body("code", equalTo("bad_request"));
    }

    @Test
    void loginReturnsATokenForTheSamePlayer() {
        TestPlayer player = TestPlayer.register();
        String id = login(player.name().toLowerCase(), TestPlayer.PASSWORD).then()
                .statusCode(200)
                .body("token", notNullValue())
                .extract().path("playerId");
        assertEquals(player.id(), id);
    }

    @Test
    void wrongPasswordAndUnknownNameGetTheSame401() {
        TestPlayer player = TestPlayer.register();
        String wrong = login(player.name(), "not the password").then()
                .statusCode(401)
                .body("code", equalTo("unauthorized"))
                .extract().path("message");
        String unknown = login("nobody" + player.name(), TestPlayer.PASSWORD).then()
                .statusCode(401)
                .extract().path("message");
        assertEquals(wrong, unknown);
    }

    @Test
    void malformedLoginIsABadRequest() {
        given().contentType(ContentType.JSON).body("{\"name\":").post("/api/auth/login").then()
                .statusCode(400).body("code", equalTo("bad_request"))
                .body("message", equalTo("malformed JSON body")); // no parser text on the public edge
        given().contentType(ContentType.JSON).body("{\"name\":[1]}").post("/api/auth/login").then()
                .statusCode(400).body("code", equalTo("bad_request"))
                .body("message", equalTo("malformed JSON body"));
        given().contentType(ContentType.JSON).body("{\"name\":\"x\"}").post("/api/auth/login").then()
                .statusCode(400).body("code", equalTo("bad_request"));
    }

    @Test
    void missingMalformedForgedExpiredAndTamperedTokensAre401() {
        TestPlayer player = TestPlayer.register();
        String path = "/api/game/player/" + player.id();
        TokenCodec codec = new TokenCodec(secret, json);
        TokenClaims claims = codec.decode(player.token(), Instant.now().getEpochSecond()).orElseThrow();
        String forged = new TokenCodec("not-the-server-secret", json).encode(claims);
        String expired = codec.encode(new TokenClaims(claims.sub(), claims.name(), claims.role(), claims.sid(),
                Instant.now().minusSeconds(1).getEpochSecond()));
        String valid = codec.encode(claims);
        String tampered = valid.substring(0, 5) + (valid.charAt(5) == 'x' ? 'y' : 'x') + valid.substring(6);

        given().get(path).then().statusCode(401).body("code", equalTo("unauthorized"));
        for (String header : new String[] {"Bearer", "Bearer ", "Basic " + player.token(), player.token(),
                "Bearer " + forged, "Bearer " + expired, "Bearer " + tampered, "Bearer garbage.token"}) {
            given().header("Authorization", header).get(path).then()
                    .statusCode(401)
                    .body("code", equalTo("unauthorized"));
        }
        given().header("Authorization", "Bearer " + valid).get(path).then().statusCode(200);
        given().header("Authorization", "bearer " + player.token()).get(path).then().statusCode(200);
    }

    @Test
    void anotherPlayersTokenIsForbiddenOnSessions() {
        TestPlayer ada = TestPlayer.register();
        TestPlayer bob = TestPlayer.register();
        given().header("Authorization", bob.bearer()).post(TestGateways.session(ada.id(), "open")).then()
                .statusCode(403)
                .body("code", equalTo("forbidden"));
        given().header("Authorization", bob.bearer()).post(TestGateways.session(ada.id(), "close")).then()
                .statusCode(403);
        given().post(TestGateways.session(ada.id(), "open")).then().statusCode(401);
    }

    @Test
    void aCorrectlySignedTokenWithoutASessionIsRefused() {
        String ghost = UUID.randomUUID().toString();
        String token = new TokenCodec(secret, json).encode(new TokenClaims(ghost, "Ghost", "player",
                UUID.randomUUID().toString(), Instant.now().plusSeconds(60).getEpochSecond()));
        given().header("Authorization", "Bearer " + token).post(TestGateways.session(ghost, "open")).then()
                .statusCode(401)
                .body("code", equalTo("unauthorized"));
        given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON)
                .body(Map.of("id", "a1", "text", "look")).post("/api/game/action").then()
                .statusCode(401);
    }

    private static Response register(String name, String password) {
        return given().contentType(ContentType.JSON).body(Map.of("name", name, "password", password))
                .post("/api/auth/register");
    }

    private static Response login(String name, String password) {
        return given().contentType(ContentType.JSON).body(Map.of("name", name, "password", password))
                .post("/api/auth/login");
    }
}
