package com.langomni.simulator.rest;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.langomni.simulator.domain.FinishReason;
import com.langomni.simulator.domain.Usage;

/**
 * Writes one response's JSON the way vLLM's OpenAI server does. Chunks are assembled from a prebuilt
 * head because a busy simulator writes tens of thousands of them a second.
 */
final class OpenAiFormat {
    static final String DONE = "data: [DONE]\n\n";

    private final Kind kind;
    private final String chunkHead;
    private final String responseHead;

    OpenAiFormat(Kind kind, String id, long created, String model) {
        this.kind = kind;
        String tail = ",\"created\":" + created + ",\"model\":" + quote(model) + ",\"choices\":";
        this.chunkHead = "{\"id\":" + quote(id) + ",\"object\":" + quote(kind.chunkObject) + tail;
        this.responseHead = "{\"id\":" + quote(id) + ",\"object\":" + quote(kind.object) + tail;
    }

    /** vLLM's first chat chunk announces the role before any content. */
    String roleChunk() {
        return sse(chunkHead
                + "[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"},\"logprobs\":null,\"finish_reason\":null}]}");
    }

    String tokenChunk(String text, FinishReason finish) {
        String reason = finish == null ? "null" : quote(finish.wire());
        String choice = kind == Kind.CHAT
                ? "[{\"index\":0,\"delta\":{\"content\":" + quote(text) + "},\"logprobs\":null,\"finish_reason\":"
                        + reason + "}]}"
                : "[{\"index\":0,\"text\":" + quote(text) + ",\"logprobs\":null,\"finish_reason\":" + reason
                        + ",\"stop_reason\":null}]}";
        return sse(chunkHead + choice);
    }

    /** With stream_options.include_usage: one last chunk with no choices and the token counts. */
    String usageChunk(Usage usage) {
        return sse(chunkHead + "[],\"usage\":" + usage(usage) + "}");
    }

    String completeResponse(String text, FinishReason finish, Usage usage) {
        String choice = kind == Kind.CHAT
                ? "[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":" + quote(text)
                        + ",\"tool_calls\":[]},\"logprobs\":null,\"finish_reason\":" + quote(finish.wire())
                        + ",\"stop_reason\":null}]"
                : "[{\"index\":0,\"text\":" + quote(text) + ",\"logprobs\":null,\"finish_reason\":"
                        + quote(finish.wire()) + ",\"stop_reason\":null}]";
        return responseHead + choice + ",\"usage\":" + usage(usage) + "}";
    }

    private static String usage(Usage u) {
        return "{\"prompt_tokens\":" + u.promptTokens() + ",\"total_tokens\":" + u.totalTokens()
                + ",\"completion_tokens\":" + u.completionTokens()
                + ",\"prompt_tokens_details\":{\"cached_tokens\":" + u.cachedTokens() + "}}";
    }

    private static String sse(String json) {
        return "data: " + json + "\n\n";
    }

    static String quote(String s) {
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(s)) + "\"";
    }
}
