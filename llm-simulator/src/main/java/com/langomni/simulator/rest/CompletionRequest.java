package com.langomni.simulator.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.langomni.simulator.domain.ChatTemplate;
import com.langomni.simulator.domain.GenerationRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * The parts of an OpenAI chat or completion request the simulator honours; sampling parameters
 * (temperature, top_p, stop…) are accepted and ignored. A structured-output request ({@code response_format}
 * json_schema, or vLLM's {@code guided_json}) whose schema offers a string enum is answered deterministically
 * ({@link StructuredAnswer}): {@code structuredAnswer} is then the JSON to send, else null.
 */
record CompletionRequest(
        Kind kind,
        String model,
        ReceivedPrompt received,
        long[] promptTokens,
        Integer maxTokens,
        boolean stream,
        boolean includeUsage,
        boolean ignoreEos,
        long seed,
        String structuredAnswer) {

    static CompletionRequest parse(Kind kind, JsonNode body) {
        if (body == null || !body.isObject()) {
            throw bad("the request body must be a JSON object");
        }
        ReceivedPrompt received = kind == Kind.CHAT ? chat(body.get("messages")) : completion(body.get("prompt"));
        long[] prompt = received.tokens();
        JsonNode n = body.get("n");
        if (n != null && !n.isNull() && n.asInt(-1) != 1) {
            throw bad("n must be 1: the simulator generates one choice per request");
        }
        JsonNode seed = body.get("seed");
        return new CompletionRequest(
                kind,
                text(body.get("model"), "model"),
                received,
                prompt,
                maxTokens(body, kind),
                bool(body.get("stream"), "stream"),
                body.has("stream_options") && bool(body.get("stream_options").get("include_usage"), "include_usage"),
                bool(body.get("ignore_eos"), "ignore_eos"),
                seed == null || seed.isNull() ? GenerationRequest.seedOf(prompt) : integer(seed, "seed"),
                StructuredAnswer.of(body, received));
    }

    private static ReceivedPrompt chat(JsonNode messages) {
        if (messages == null || !messages.isArray() || messages.isEmpty()) {
            throw bad("messages must be a non-empty array");
        }
        List<ChatTemplate.Message> parsed = new ArrayList<>(messages.size());
        for (JsonNode m : messages) {
            String role = text(m.get("role"), "role");
            if (role == null || role.isBlank()) {
                throw bad("every message needs a role");
            }
            parsed.add(new ChatTemplate.Message(role, content(m.get("content"))));
        }
        return new ReceivedPrompt(Kind.CHAT, List.copyOf(parsed), null, ChatTemplate.renderChat(parsed));
    }

    /** Content is a string, null (an assistant turn with tool calls) or a list of parts; text parts count. */
    private static String content(JsonNode content) {
        if (content == null || content.isNull()) {
            return "";
        }
        if (content.isTextual()) {
            return content.asText();
        }
        if (content.isArray()) {
            StringBuilder text = new StringBuilder();
            for (JsonNode part : content) {
                if ("text".equals(part.path("type").asText()) && part.path("text").isTextual()) {
                    text.append(part.get("text").asText()).append(' ');
                }
            }
            return text.toString();
        }
        throw bad("message content must be a string or an array of content parts");
    }

    private static ReceivedPrompt completion(JsonNode prompt) {
        if (prompt != null && prompt.isArray() && prompt.size() == 1 && prompt.get(0).isTextual()) {
            prompt = prompt.get(0);
        }
        if (prompt != null && prompt.isTextual()) {
            return new ReceivedPrompt(Kind.COMPLETION, List.of(), prompt.asText(),
                    ChatTemplate.renderCompletion(prompt.asText()));
        }
        if (prompt != null && prompt.isArray() && !prompt.isEmpty()) {
            long[] ids = new long[prompt.size()];
            for (int i = 0; i < ids.length; i++) {
                if (!prompt.get(i).isIntegralNumber()) {
                    throw bad("prompt must be a string, one string, or a list of token ids");
                }
                ids[i] = prompt.get(i).asLong();
            }
            return new ReceivedPrompt(Kind.COMPLETION, List.of(), null, ids);
        }
        throw bad("prompt must be a string, one string, or a list of token ids");
    }

    private static Integer maxTokens(JsonNode body, Kind kind) {
        JsonNode value = kind == Kind.CHAT && body.hasNonNull("max_completion_tokens")
                ? body.get("max_completion_tokens")
                : body.get("max_tokens");
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.canConvertToInt() || !value.isIntegralNumber()) {
            throw bad("max_tokens must be an integer");
        }
        return value.asInt();
    }

    private static String text(JsonNode node, String field) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw bad(field + " must be a string");
        }
        return node.asText();
    }

    private static boolean bool(JsonNode node, String field) {
        if (node == null || node.isNull()) {
            return false;
        }
        if (!node.isBoolean()) {
            throw bad(field + " must be true or false");
        }
        return node.asBoolean();
    }

    private static long integer(JsonNode node, String field) {
        if (!node.isIntegralNumber()) {
            throw bad(field + " must be an integer");
        }
        return node.asLong();
    }

    private static VllmRefusal bad(String message) {
        return new VllmRefusal(400, message);
    }
}
