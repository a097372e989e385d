package com.langomni.orchestrator.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import com.langomni.orchestrator.support.TestPlayer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every admin endpoint of the panel: no (or a forged) token is 401, a player's token 403, before anything runs. */
@QuarkusTest
class AdminAccessTests {

    private static final String SOMEONE = UUID.randomUUID().toString();

    static Stream<Arguments> endpoints() {
        return Stream.of(
                Arguments.of("GET", "/api/admin/stats"),
                Arguments.of("GET", "/api/admin/metrics/history"),
                Arguments.of("GET", "/api/admin/topology"),
                Arguments.of("GET", "/api/admin/stream"),
                Arguments.of("GET", "/api/admin/players"),
                Arguments.of("GET", "/api/admin/players/" + SOMEONE),
                Arguments.of("POST", "/api/admin/players/" + SOMEONE + "/kick"),
                Arguments.of("POST", "/api/admin/players/" + SOMEONE + "/move"),
                Arguments.of("POST", "/api/admin/players/" + SOMEONE + "/reset-hp"),
                Arguments.of("GET", "/api/admin/npcs"),
                Arguments.of("GET", "/api/admin/npcs/anyone"),
                Arguments.of("GET", "/api/admin/npcs/anyone/memories"),
                Arguments.of("DELETE", "/api/admin/npcs/anyone/memories/" + SOMEONE),
                Arguments.of("GET", "/api/admin/world"),
                Arguments.of("PUT", "/api/admin/world/pause"),
                Arguments.of("POST", "/api/admin/world/events"),
                Arguments.of("DELETE", "/api/admin/world/events/current"));
    }

    @ParameterizedTest
    @MethodSource("endpoints")
    void withoutAValidTokenItIs401(String method, String path) {
        given().contentType(ContentType.JSON).body("{\"locationId\":\"square\"}").request(method, path).then()
                .statusCode(401).body("code", equalTo("unauthorized"));
        given().header("Authorization", "Bearer forged.token").contentType(ContentType.JSON)
                .body("{\"locationId\":\"square\"}").request(method, path).then()
                .statusCode(401).body("code", equalTo("unauthorized"));
    }

    @ParameterizedTest
    @MethodSource("endpoints")
    void aPlayersTokenIs403(String method, String path) {
        TestPlayer player = TestPlayer.register();
        given().header("Authorization", player.bearer()).contentType(ContentType.JSON)
                .body("{\"locationId\":\"square\"}").request(method, path).then()
                .statusCode(403).body("code", equalTo("forbidden"));
    }
}
