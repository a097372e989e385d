package com.langomni.load;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** The socket protocol of docs/API.md, client side: building frames and reading the server's. */
public final class Frames {
    static final ObjectMapper JSON = new ObjectMapper();
    /** {@link #outcome} of a welcome or result frame; anything else names what went wrong. */
    static final String OK = "ok";

    private Frames() {
    }

    /** {@code {"type":"action","id":…,"text":…}} */
    public static String action(String id, String text) {
        ObjectNode n = JSON.createObjectNode().put("type", "action").put("id", id).put("text", text);
        return n.toString();
    }

    public static final String PING = "{\"type\":\"ping\"}";

    static JsonNode parse(String frame) {
        try {
            return JSON.readTree(frame);
        } catch (JsonProcessingException e) {
            return JSON.createObjectNode();
        }
    }

    /**
     * {@code ok} for a welcome or result frame; {@code refused <code>} for an error frame, so Gatling's error
     * table counts refusals by kind (busy, rate_limited, unavailable ...); {@code unexpected <type>} otherwise.
     */
    public static String outcome(String frame) {
        JsonNode n = parse(frame);
        String type = n.path("type").asText("");
        return switch (type) {
            case "welcome", "result", "pong" -> OK;
            case "error" -> "refused " + n.path("code").asText("?");
            default -> "unexpected " + (type.isEmpty() ? "frame" : type);
        };
    }

    /** The error code of an error frame, else null. */
    static String errorCode(String frame) {
        JsonNode n = parse(frame);
        return "error".equals(n.path("type").asText()) ? n.path("code").asText("?") : null;
    }

    /** What a player knows of where they are, from a welcome or result frame: the choices of the next action. */
    record View(String locationId, List<String> exits, List<String> items, List<String> things,
                List<String> inventory, List<String> npcs) {
        static final View NOWHERE = new View(null, List.of(), List.of(), List.of(), List.of(), List.of());
    }

    /** Null when the frame carries no location (an error frame). */
    static View view(String frame) {
        JsonNode n = parse(frame);
        JsonNode location = n.path("location");
        if (!location.isObject()) {
            return null;
        }
        List<String> exits = new ArrayList<>();
        for (JsonNode exit : location.path("exits")) {
            if (!exit.path("locked").asBoolean(false)) {
                exits.add(exit.path("direction").asText());
            }
        }
        List<String> items = names(location.path("items"));
        List<String> npcs = names(location.path("npcs"));
        List<String> things = new ArrayList<>(items);
        things.addAll(npcs);
        things.addAll(names(location.path("creatures")));
        return new View(location.path("id").asText(null), exits, items, things,
                names(n.path("player").path("inventory")), npcs);
    }

    private static List<String> names(JsonNode array) {
        List<String> out = new ArrayList<>();
        for (JsonNode x : array) {
            String name = x.path("name").asText("");
            if (!name.isBlank()) {
                out.add(name);
            }
        }
        return out;
    }

    /** An {@code event} frame of kind {@code say}: its text ({@code Ada says, "…"}), else null. */
    static String sayEventText(String frame) {
        if (!frame.contains("\"event\"")) {
            return null; // cheap pre-filter: listeners see every narration and event of the room
        }
        JsonNode n = parse(frame);
        return "event".equals(n.path("type").asText()) && "say".equals(n.path("kind").asText())
                ? n.path("text").asText() : null;
    }
}
