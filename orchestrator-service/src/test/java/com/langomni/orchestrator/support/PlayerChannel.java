package com.langomni.orchestrator.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.langomni.api.bus.Channels;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.pubsub.PubSubCommands;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** What gateways receive on one player's Redis channel, in order: the frames, parsed. Close it after the test. */
public final class PlayerChannel implements AutoCloseable {

    private final ObjectMapper json;
    private final List<JsonNode> messages = new CopyOnWriteArrayList<>();
    private final PubSubCommands.RedisSubscriber subscriber;

    public PlayerChannel(RedisDataSource redis, ObjectMapper json, String playerId) {
        this.json = json;
        this.subscriber = redis.pubsub(String.class).subscribe(Channels.player(playerId), this::receive);
    }

    private void receive(String message) {
        try {
            messages.add(json.readTree(message));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The frames (not controls) received so far, parsed, each with its message's locationId as "_locationId". */
    public List<JsonNode> frames() {
        return messages.stream().filter(m -> m.hasNonNull("frame")).map(m -> {
            try {
                var frame = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(m.get("frame").asText());
                frame.put("_locationId", m.path("locationId").asText(null));
                return (JsonNode) frame;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).toList();
    }

    /** The controls received so far ({@code kick}, {@code moved}), each with its locationId and reason. */
    public List<JsonNode> controls() {
        return messages.stream().filter(m -> m.hasNonNull("control")).toList();
    }

    public List<JsonNode> frames(String type) {
        return frames().stream().filter(f -> type.equals(f.path("type").asText())).toList();
    }

    public boolean hasResult(String actionId) {
        return frames("result").stream().anyMatch(f -> actionId.equals(f.path("actionId").asText()));
    }

    @Override
    public void close() {
        subscriber.unsubscribe();
    }
}
