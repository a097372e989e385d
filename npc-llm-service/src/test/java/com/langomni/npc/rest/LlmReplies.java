package com.langomni.npc.rest;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/** Requests and replica bookkeeping shared by the tests against simulated replicas. */
final class LlmReplies {

    private LlmReplies() {
    }

    static String request(String npcId, String playerId, String words) {
        return new JsonObject().put("npcId", npcId).put("npcName", "Brann")
                .put("persona", "A gruff smith of few words.")
                .put("knowledge", new JsonArray(List.of(NpcReplyResourceTests.SWORD, NpcReplyResourceTests.HERBS)))
                .put("playerId", playerId).put("playerName", "Ada").put("topic", "sword").put("playerText", words)
                .put("memories", new JsonArray()).put("conversation", new JsonArray(List.of("Ada: hello",
                        "Brann: Mind the sparks."))).encode();
    }

    static ValidatableResponse post(String body) {
        return given().contentType(ContentType.JSON).body(body).when().post("/api/npc/reply").then();
    }

    static long[] served() {
        return IntStream.range(0, NpcReplicaSimulators.COUNT).mapToLong(NpcReplicaSimulators::served).toArray();
    }

    static long[] delta(long[] before) {
        long[] now = served();
        return IntStream.range(0, now.length).mapToLong(i -> now[i] - before[i]).toArray();
    }

    /** The one replica that served since {@code before}; fails unless exactly one served exactly once. */
    static int servedBy(long[] before) {
        long[] d = delta(before);
        int index = -1;
        for (int i = 0; i < d.length; i++) {
            if (d[i] == 1 && index < 0) {
                index = i;
            } else if (d[i] != 0) {
                throw new AssertionError("expected one reply from one replica, got " + Arrays.toString(d));
            }
        }
        if (index < 0) {
            throw new AssertionError("no replica served: " + Arrays.toString(d));
        }
        return index;
    }
}
