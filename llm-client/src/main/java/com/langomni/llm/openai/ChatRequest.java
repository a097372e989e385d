package com.langomni.llm.openai;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Body of {@code POST /v1/chat/completions}. Always streamed with usage in the last chunk, so callers can show
 * words as they come and still count tokens. A null model lets servers that serve one model pick it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChatRequest(String model, List<ChatMessage> messages, boolean stream,
                          @JsonProperty("max_tokens") Integer maxTokens, Double temperature,
                          @JsonProperty("stream_options") StreamOptions streamOptions, String user) {

    public record StreamOptions(@JsonProperty("include_usage") boolean includeUsage) {
    }

    /** A streamed request that asks for usage; {@code user} is an opaque id some servers log (never a name). */
    public static ChatRequest streaming(String model, List<ChatMessage> messages, int maxTokens, double temperature,
                                        String user) {
        return new ChatRequest(model, List.copyOf(messages), true, maxTokens, temperature, new StreamOptions(true),
                user);
    }
}
