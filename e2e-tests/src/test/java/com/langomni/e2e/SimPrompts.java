package com.langomni.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.langomni.testkit.LlmSimulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** What one simulator was asked ({@code /sim/prompts}; it must run with SIM_RECORDED_PROMPTS above 0). */
final class SimPrompts {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One prompt as received and the answer it got (null if it never finished); {@code seq} counts from 1. */
    record Prompt(long seq, List<String> roles, List<String> contents, String output) {
        String system() {
            int i = roles.indexOf("system");
            return i < 0 ? "" : contents.get(i);
        }
    }

    final String name;
    private final LlmSimulator sim;
    private long seq;

    SimPrompts(String name, LlmSimulator sim) {
        this.name = name;
        this.sim = sim;
    }

    /**
     * The prompts received since the last call, then forgotten by the simulator. A prompt that arrives between the
     * read and the forget is lost: callers read while nothing of theirs is in flight.
     */
    List<Prompt> next() {
        JsonNode page;
        try {
            page = JSON.readTree(sim.prompts());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        sim.forgetPrompts();
        List<Prompt> out = new ArrayList<>();
        for (JsonNode e : page) {
            List<String> roles = new ArrayList<>();
            List<String> contents = new ArrayList<>();
            for (JsonNode m : e.path("messages")) {
                roles.add(m.path("role").asText());
                contents.add(m.path("content").asText());
            }
            if (e.hasNonNull("prompt")) {
                roles.add("prompt");
                contents.add(e.path("prompt").asText());
            }
            out.add(new Prompt(++seq, roles, contents, e.path("answer").isTextual() ? e.path("answer").asText() : null));
        }
        return out;
    }
}
