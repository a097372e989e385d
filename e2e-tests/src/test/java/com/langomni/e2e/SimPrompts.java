package com.langomni.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.langomni.testkit.LlmSimulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** What one simulator was asked ({@code GET /sim/prompts}; it must run with SIM_DEBUG_CAPTURE_PROMPTS=true). */
final class SimPrompts {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One prompt as received and the answer given (null if it never finished). */
    record Prompt(long seq, List<String> roles, List<String> contents, String output) {
        String system() {
            int i = roles.indexOf("system");
            return i < 0 ? "" : contents.get(i);
        }
    }

    final String name;
    private final LlmSimulator sim;
    private long cursor;

    SimPrompts(String name, LlmSimulator sim) {
        this.name = name;
        this.sim = sim;
    }

    /** The prompts received since the last call (all, the first time). */
    List<Prompt> next() {
        List<Prompt> out = after(cursor);
        if (!out.isEmpty()) {
            cursor = out.get(out.size() - 1).seq();
        }
        return out;
    }

    List<Prompt> after(long mark) {
        JsonNode page = page(mark);
        if (page.path("dropped").asLong() > 0 && !page.path("entries").isEmpty()
                && page.path("entries").get(0).path("seq").asLong() > mark + 1) {
            throw new IllegalStateException(name + " dropped prompts after " + mark + ": raise SIM_DEBUG_CAPTURE_LIMIT");
        }
        List<Prompt> out = new ArrayList<>();
        for (JsonNode e : page.path("entries")) {
            List<String> roles = new ArrayList<>();
            List<String> contents = new ArrayList<>();
            for (JsonNode m : e.path("messages")) {
                roles.add(m.path("role").asText());
                contents.add(m.path("content").asText());
            }
            out.add(new Prompt(e.path("seq").asLong(), roles, contents,
                    e.path("output").isNull() ? null : e.path("output").asText()));
        }
        return out;
    }

    private JsonNode page(long after) {
        try {
            return JSON.readTree(sim.promptsJson(after));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
