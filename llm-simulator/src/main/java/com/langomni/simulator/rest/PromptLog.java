package com.langomni.simulator.rest;

import com.langomni.simulator.config.SimConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** The latest {@code sim.recorded-prompts} prompts received, oldest first; none are kept when that is 0. */
@ApplicationScoped
class PromptLog {
    private final int capacity;
    private final Deque<ReceivedPrompt> prompts = new ArrayDeque<>();

    PromptLog(SimConfig config) {
        this.capacity = Math.max(0, config.recordedPrompts());
    }

    synchronized void record(ReceivedPrompt prompt) {
        if (capacity == 0) {
            return;
        }
        if (prompts.size() == capacity) {
            prompts.removeFirst();
        }
        prompts.addLast(prompt);
    }

    synchronized List<ReceivedPrompt> recent() {
        return List.copyOf(prompts);
    }

    synchronized void clear() {
        prompts.clear();
    }

    int capacity() {
        return capacity;
    }
}
