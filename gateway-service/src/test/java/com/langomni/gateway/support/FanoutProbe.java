package com.langomni.gateway.support;

import java.util.Arrays;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.redis.datasource.RedisDataSource;

/** What fan-out tests do to the real Redis: publish as the orchestrator does, and find the gateway's subscriber. */
public final class FanoutProbe {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private FanoutProbe() {
    }

    /** Publishes {@code message} as JSON on {@code channel}. */
    public static void publish(RedisDataSource redis, String channel, Object message) {
        try {
            redis.pubsub(String.class).publish(channel, MAPPER.writeValueAsString(message));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The gateway's fan-out connection: named by quarkus.redis.client-name and holding both pattern subscriptions. */
    public static Optional<String> subscriberConnectionId(RedisDataSource redis) {
        String clients = redis.execute("CLIENT", "LIST", "TYPE", "pubsub").toString();
        return Arrays.stream(clients.split("\n"))
                .filter(line -> line.contains(" name=langomni-gateway-tests ") && line.contains(" psub=2 "))
                .map(line -> line.substring(line.indexOf("id=") + 3, line.indexOf(' ')))
                .findFirst();
    }
}
