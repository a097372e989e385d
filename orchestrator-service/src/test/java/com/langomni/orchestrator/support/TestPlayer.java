package com.langomni.orchestrator.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** A freshly registered player, driven over the REST API. Every test gets its own, so buckets and locks never mix. */
public record TestPlayer(String id, String name, String token) {

    public static final String PASSWORD = "correct horse battery";

    public static TestPlayer register() {
        return register("t" + Long.toString(ThreadLocalRandom.current().nextLong(Long.MAX_VALUE), 36));
    }

    /** A unique random prefix for names a test registers with {@link #register(String)}. */
    public static String uniquePrefix() {
        return "t" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static TestPlayer register(String name) {
        Response response = given().contentType(ContentType.JSON)
                .body(Map.of("name", name, "password", PASSWORD))
                .post("/api/auth/register");
        response.then().statusCode(201);
        return new TestPlayer(response.path("playerId"), name, response.path("token"));
    }

    public String bearer() {
        return "Bearer " + token;
    }

    /** POSTs an action with a fresh id and returns the raw response. */
    public Response act(String text) {
        return act(UUID.randomUUID().toString(), text);
    }

    public Response act(String actionId, String text) {
        return given().contentType(ContentType.JSON)
                .header("Authorization", bearer())
                .body(Map.of("id", actionId, "text", text))
                .post("/api/game/action");
    }

    /** An action that must succeed at the HTTP level. */
    public Response ok(String text) {
        Response response = act(text);
        response.then().statusCode(200);
        return response;
    }

    public Response get(String path) {
        return given().header("Authorization", bearer()).get(path);
    }

    public Response post(String path) {
        return given().header("Authorization", bearer()).post(path);
    }

    /**
     * Opens a socket session as the gateway does, socket {@code c1} on {@link TestGateways#MAIN}: the player is
     * online (close it with {@link #disconnect()}).
     */
    public void connect() {
        post(TestGateways.session(id, "open")).then().statusCode(200);
    }

    public void disconnect() {
        post(TestGateways.session(id, "close")).then().statusCode(204);
    }
}
