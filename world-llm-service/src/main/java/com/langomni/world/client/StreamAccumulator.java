package com.langomni.world.client;

import com.langomni.api.narration.TokenUsage;
import com.langomni.llm.openai.ChatChunk;
import java.util.function.Consumer;

/** Collects one streamed answer: passes each piece of text on at once and keeps the whole text and the usage. */
final class StreamAccumulator {
    private final Consumer<String> onDelta;
    private final StringBuilder text = new StringBuilder();
    private volatile boolean started;
    private TokenUsage usage = TokenUsage.NONE;

    StreamAccumulator(Consumer<String> onDelta) {
        this.onDelta = onDelta;
    }

    void accept(ChatChunk chunk) {
        String delta = chunk.text();
        if (!delta.isEmpty()) {
            started = true;
            text.append(delta);
            onDelta.accept(delta);
        }
        if (chunk.usage() != null) {
            usage = new TokenUsage(chunk.usage().promptTokens(), chunk.usage().completionTokens());
        }
    }

    /** Whether the first word has arrived (a role-only opening chunk does not count). */
    boolean started() {
        return started;
    }

    Completion completion() {
        String all = text.toString().strip();
        if (all.isEmpty()) {
            throw new IllegalStateException("the model returned no text");
        }
        return new Completion(all, usage);
    }
}
