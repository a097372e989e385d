package com.langomni.simulator.debug;

import com.fasterxml.jackson.databind.JsonNode;
import com.langomni.simulator.config.SimConfig;
import com.langomni.simulator.domain.GenerationListener;
import com.langomni.simulator.domain.PromptLog;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Records what clients asked the model and what it answered when {@code sim.debug.capture-prompts} is on: the
 * simulator's answers are pseudo-words, so this is how a test sees whether some text reached a prompt.
 */
@ApplicationScoped
public class PromptCapture {
    private final Optional<PromptLog> log;

    public PromptCapture(SimConfig config) {
        this.log = config.debug().capturePrompts()
                ? Optional.of(new PromptLog(config.debug().captureLimit())) : Optional.empty();
    }

    /** Empty when capture is off. */
    public Optional<PromptLog> log() {
        return log;
    }

    /**
     * Records a request body the routes accepted; returns the listener to hand the engine, which also records the
     * answer. With capture off, {@code reply} itself.
     */
    public GenerationListener record(boolean chat, JsonNode body, GenerationListener reply) {
        if (log.isEmpty()) {
            return reply;
        }
        long seq = log.get().received(chat ? "chat" : "completion", messages(chat, body));
        StringBuilder output = new StringBuilder();
        return token -> {
            output.append(token.text());
            if (token.last()) {
                log.get().answered(seq, output.toString());
            }
            reply.onToken(token);
        };
    }

    private static List<PromptLog.Message> messages(boolean chat, JsonNode body) {
        List<PromptLog.Message> out = new ArrayList<>();
        if (!chat) {
            JsonNode p = body.path("prompt");
            JsonNode one = p.isArray() && p.size() == 1 ? p.get(0) : p;
            out.add(new PromptLog.Message("prompt", one.isTextual() ? one.asText() : one.toString()));
            return out;
        }
        for (JsonNode m : body.path("messages")) {
            JsonNode c = m.path("content");
            String text;
            if (c.isTextual()) {
                text = c.asText();
            } else if (c.isArray()) {
                StringBuilder parts = new StringBuilder();
                c.forEach(part -> parts.append(part.path("text").asText()).append(' '));
                text = parts.toString();
            } else {
                text = "";
            }
            out.add(new PromptLog.Message(m.path("role").asText(), text));
        }
        return out;
    }
}
