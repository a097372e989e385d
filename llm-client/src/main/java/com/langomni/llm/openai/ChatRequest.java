package com.langomni.llm.openai;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * Body of {@code POST /v1/chat/completions}. Always streamed with usage in the last chunk, so callers can show
 * words as they come and still count tokens. A null model lets servers that serve one model pick it.
 * {@code responseFormat}, when set, asks for structured output ({@link #jsonSchema}); absent from the JSON otherwise.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChatRequest(String model, List<ChatMessage> messages, boolean stream,
                          @JsonProperty("max_tokens") Integer maxTokens, Double temperature,
                          @JsonProperty("stream_options") StreamOptions streamOptions, String user,
                          @JsonProperty("response_format") Map<String, Object> responseFormat) {

    public record StreamOptions(@JsonProperty("include_usage") boolean includeUsage) {
    }

    /** A streamed request that asks for usage; {@code user} is an opaque id some servers log (never a name). */
    public static ChatRequest streaming(String model, List<ChatMessage> messages, int maxTokens, double temperature,
                                        String user) {
        return new ChatRequest(model, List.copyOf(messages), true, maxTokens, temperature, new StreamOptions(true),
                user, null);
    }

    /** This request constrained to JSON that matches {@code schema} (OpenAI's and vLLM's json_schema format). */
    public ChatRequest withResponseFormat(Map<String, Object> format) {
        return new ChatRequest(model, messages, stream, maxTokens, temperature, streamOptions, user, format);
    }

    /**
     * A {@code response_format} of type {@code json_schema}, strict: servers with guided decoding (vLLM, OpenAI)
     * can only answer with JSON that the schema allows.
     */
    public static Map<String, Object> jsonSchema(String name, Map<String, Object> schema) {
        return Map.of("type", "json_schema", "json_schema", Map.of("name", name, "strict", true, "schema", schema));
    }
}
