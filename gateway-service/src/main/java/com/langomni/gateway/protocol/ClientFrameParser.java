package com.langomni.gateway.protocol;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.langomni.api.game.ActionRequest;

/**
 * Turns client text into a {@link ClientFrame} (DESIGN §5). Never throws: anything unusable becomes
 * {@link ClientFrame.Invalid} with a message the player can act on.
 */
@ApplicationScoped
public class ClientFrameParser {

    public static final int MAX_ACTION_ID_LENGTH = 64;
    private static final int MAX_ECHOED_TYPE_LENGTH = 32;

    private final ObjectMapper mapper;

    public ClientFrameParser(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public ClientFrame parse(String text) {
        JsonNode frame;
        try {
            frame = mapper.readTree(text);
        } catch (JsonProcessingException e) {
            return new ClientFrame.Invalid(null, "Frame is not valid JSON.");
        }
        if (frame == null || !frame.isObject()) {
            return new ClientFrame.Invalid(null, "Frame must be a JSON object with a \"type\".");
        }
        JsonNode type = frame.get("type");
        if (type == null || !type.isTextual()) {
            return new ClientFrame.Invalid(null, "Frame needs a string \"type\": \"action\" or \"ping\".");
        }
        return switch (type.asText()) {
            case "ping" -> new ClientFrame.Ping();
            case "action" -> action(frame);
            default -> new ClientFrame.Invalid(null,
                    "Unknown frame type \"" + truncate(type.asText()) + "\"; expected \"action\" or \"ping\".");
        };
    }

    private static ClientFrame action(JsonNode frame) {
        JsonNode id = frame.get("id");
        if (id == null || !id.isTextual() || id.asText().isBlank()) {
            return new ClientFrame.Invalid(null, "An action needs a non-blank string \"id\".");
        }
        if (id.asText().length() > MAX_ACTION_ID_LENGTH) {
            return new ClientFrame.Invalid(null, "An action \"id\" is at most " + MAX_ACTION_ID_LENGTH + " characters.");
        }
        JsonNode text = frame.get("text");
        if (text == null || !text.isTextual() || text.asText().isBlank()) {
            return new ClientFrame.Invalid(id.asText(), "An action needs a non-blank string \"text\".");
        }
        return new ClientFrame.Action(new ActionRequest(id.asText(), text.asText()));
    }

    private static String truncate(String value) {
        return value.length() <= MAX_ECHOED_TYPE_LENGTH ? value : value.substring(0, MAX_ECHOED_TYPE_LENGTH) + "…";
    }
}
