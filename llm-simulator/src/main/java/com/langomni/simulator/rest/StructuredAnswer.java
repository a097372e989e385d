package com.langomni.simulator.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.langomni.simulator.domain.ChatTemplate;
import com.langomni.simulator.domain.StructuredChoice;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The deterministic answer to a structured-output request: the schema's first string property with an {@code enum}
 * gets the option {@link StructuredChoice} picks for the last user message, e.g. {@code {"action":"go north"}}. A
 * schema without such a property is answered with {@code {}}, which a strict client rejects as it would a model's
 * unusable answer.
 */
final class StructuredAnswer {

    private StructuredAnswer() {
    }

    /** The JSON answer, or null when the request asks for no structured output. */
    static String of(JsonNode body, ReceivedPrompt received) {
        JsonNode schema = schema(body);
        if (schema == null) {
            return null;
        }
        JsonNode properties = schema.path("properties");
        Iterator<Map.Entry<String, JsonNode>> fields = properties.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode options = field.getValue().path("enum");
            if (options.isArray() && !options.isEmpty()) {
                List<String> choices = new ArrayList<>();
                options.forEach(option -> choices.add(option.asText()));
                String chosen = StructuredChoice.choose(lastUserText(received), choices);
                return "{" + OpenAiFormat.quote(field.getKey()) + ":" + OpenAiFormat.quote(chosen) + "}";
            }
        }
        return "{}";
    }

    private static JsonNode schema(JsonNode body) {
        JsonNode format = body.path("response_format");
        if ("json_schema".equals(format.path("type").asText())) {
            JsonNode schema = format.path("json_schema").path("schema");
            return schema.isObject() ? schema : null;
        }
        JsonNode guided = body.path("guided_json");
        return guided.isObject() ? guided : null;
    }

    private static String lastUserText(ReceivedPrompt received) {
        if (received.messages().isEmpty()) {
            return received.prompt() == null ? "" : received.prompt();
        }
        String text = "";
        for (ChatTemplate.Message message : received.messages()) {
            if ("user".equals(message.role())) {
                text = message.content();
            }
        }
        return text;
    }
}
