package com.langomni.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The injection and abuse corpus (src/test/resources/security/injection-corpus.json): what players type to talk the
 * narrator or an NPC into something. Each entry has a unique id and a category; {@code repeat} repeats its text.
 */
final class InjectionCorpus {
    static final String RESOURCE = "/security/injection-corpus.json";

    record Entry(String id, String category, String text) {
    }

    private InjectionCorpus() {
    }

    static List<Entry> load() {
        try (InputStream in = InjectionCorpus.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing");
            }
            JsonNode root = new ObjectMapper().readTree(in);
            List<Entry> out = new ArrayList<>();
            Set<String> ids = new HashSet<>();
            for (JsonNode e : root.path("entries")) {
                String id = e.path("id").asText();
                String category = e.path("category").asText();
                String text = e.path("text").asText();
                if (id.isBlank() || category.isBlank() || text.isBlank() || !ids.add(id)) {
                    throw new IllegalStateException("corpus entry needs a unique id, a category and a text: " + e);
                }
                out.add(new Entry(id, category, text.repeat(Math.max(1, e.path("repeat").asInt(1)))));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
