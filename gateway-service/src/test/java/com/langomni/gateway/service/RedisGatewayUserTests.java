package com.langomni.gateway.service;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.langomni.api.bus.Channels;
import com.langomni.api.bus.PlayerMessage;
import com.langomni.gateway.support.FakeOrchestratorResource;
import com.langomni.gateway.support.RedisAcl;
import com.langomni.gateway.support.RedisGatewayUserProfile;
import com.langomni.gateway.support.RedisGatewayUserResource;
import com.langomni.gateway.support.TestSocket;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.Vertx;

/**
 * The gateway connected to Redis as deployed: as an ACL user with the deployment's gateway rules (subscribe to the
 * fan-out channels, nothing else). It works fully, and the user it works with can touch no key.
 */
@QuarkusTest
@TestProfile(RedisGatewayUserProfile.class)
@WithTestResource(FakeOrchestratorResource.class)
@WithTestResource(RedisGatewayUserResource.class)
class RedisGatewayUserTests {

    private static final String USER = RedisGatewayUserResource.USER;
    private static final String PASSWORD = RedisGatewayUserResource.PASSWORD;

    @TestHTTPResource("/")
    URI base;

    @Inject
    Vertx vertx;

    @Inject
    RedisFanout fanout;

    final URI redis = RedisAcl.testRedis();

    @BeforeEach
    void subscribed() {
        await().atMost(TestSocket.WAIT).until(fanout::isActive);
    }

    @Test
    void theFanOutRunsAsTheGatewayUserAndDelivers() throws Exception {
        await().atMost(TestSocket.WAIT).untilAsserted(() -> {
            String subscribers = subscribers();
            assertTrue(subscribers.contains(" user=" + USER + " "), "the fan-out subscriber's user:\n" + subscribers);
        });

        String player = "acl-" + UUID.randomUUID();
        try (TestSocket socket = TestSocket.welcomed(vertx, base, player)) {
            String frame = "{\"type\":\"event\",\"kind\":\"say\",\"from\":\"test\",\"text\":\"through the ACL\"}";
            String message = new ObjectMapper().writeValueAsString(PlayerMessage.frame(frame, "square"));
            String receivers = RedisAcl.run(redis, null, null, "PUBLISH", Channels.player(player), message);
            assertTrue(receivers.matches(":[1-9][0-9]*"), "no subscriber got it: " + receivers);
            assertEquals("through the ACL", socket.next().path("text").asText());
        }
        given().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void theGatewayUserCanNeitherReadNorWriteNorPublish() {
        for (String[] command : new String[][] {
                {"SET", "langomni:player:someone", "x"}, {"GET", "langomni:player:someone"},
                {"HSET", "langomni:state:someone", "hp", "0"}, {"DEL", "langomni:player:someone"},
                {"PUBLISH", Channels.player("someone"), "{}"}, {"KEYS", "*"}, {"FLUSHALL"},
                {"EVAL", "return 1", "0"}, {"CONFIG", "GET", "requirepass"}, {"ACL", "LIST"}}) {
            String reply = RedisAcl.run(redis, USER, PASSWORD, command);
            assertTrue(reply.startsWith("-NOPERM"), String.join(" ", command) + " answered " + reply);
        }
        assertTrue(RedisAcl.run(redis, USER, PASSWORD, "PSUBSCRIBE", "other:*").startsWith("-NOPERM"),
                "only the fan-out channels");
        assertEquals("+PONG", RedisAcl.run(redis, USER, PASSWORD, "PING"));
    }

    /** The CLIENT LIST lines of pattern subscribers holding both fan-out patterns. */
    private String subscribers() {
        return RedisAcl.bulk(redis, "CLIENT", "LIST", "TYPE", "pubsub").lines()
                .filter(line -> line.contains(" psub=2 ")).reduce("", (a, b) -> a + "\n" + b);
    }
}
