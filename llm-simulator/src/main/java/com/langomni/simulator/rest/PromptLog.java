package com.langomni.simulator.rest;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.langomni.simulator.config.SimConfig;
import com.langomni.simulator.domain.GenerationListener;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The latest {@code sim.recorded-prompts} prompts received, oldest first, each with the answer it got once that is
 * complete (the answers are pseudo-words: a test links a narration it was shown to the prompt that produced it);
 * none are kept when that is 0.
 */
@ApplicationScoped
class PromptLog {
    private final int capacity;
    private final Deque<Recorded> prompts = new ArrayDeque<>();

    /** A prompt as received and, once its last token is out, the whole answer (null before, or if aborted). */
    static final class Recorded {
        private final ReceivedPrompt prompt;
        private final StringBuilder text = new StringBuilder();
        private volatile String answer;

        Recorded(ReceivedPrompt prompt) {
            this.prompt = prompt;
        }

        @JsonUnwrapped
        public ReceivedPrompt getPrompt() {
            return prompt;
        }

        public String getAnswer() {
            return answer;
        }

        /** {@code reply}, also writing down what it is sent (tokens come one at a time, on the engine thread). */
        GenerationListener listening(GenerationListener reply) {
            return token -> {
                text.append(token.text());
                if (token.last()) {
                    answer = text.toString();
                }
                reply.onToken(token);
            };
        }
    }

    PromptLog(SimConfig config) {
        this.capacity = Math.max(0, config.recordedPrompts());
    }

    /** Keeps the prompt; null when nothing is recorded. */
    synchronized Recorded record(ReceivedPrompt prompt) {
        if (capacity == 0) {
            return null;
        }
        if (prompts.size() == capacity) {
            prompts.removeFirst();
        }
        Recorded r = new Recorded(prompt);
        prompts.addLast(r);
        return r;
    }

    synchronized List<Recorded> recent() {
        return List.copyOf(prompts);
    }

    synchronized void clear() {
        prompts.clear();
    }

    int capacity() {
        return capacity;
    }
}
