package com.langomni.npc.domain;

import com.langomni.api.memory.ImportanceRequest;
import com.langomni.api.memory.MemoryText;
import com.langomni.api.memory.ReflectRequest;
import java.util.Optional;

/** What makes an importance or reflection request unanswerable (a 400); empty when it can be answered. */
public final class InsightRequestValidator {

    private InsightRequestValidator() {
    }

    public static Optional<String> problem(ImportanceRequest r) {
        if (r == null) {
            return Optional.of("a JSON body {\"text\": ...} is required");
        }
        if (r.text() == null || r.text().isBlank()) {
            return Optional.of("text is required");
        }
        return Optional.empty();
    }

    /** @param maxMemories most memories one request may carry */
    public static Optional<String> problem(ReflectRequest r, int maxMemories) {
        if (r == null) {
            return Optional.of("a JSON body {\"ownerId\": ..., \"memories\": [...]} is required");
        }
        if (r.ownerId() == null || r.ownerId().isBlank()) {
            return Optional.of("ownerId is required");
        }
        if (r.memories() == null || r.memories().isEmpty()) {
            return Optional.of("memories must name at least one memory");
        }
        if (r.memories().size() > maxMemories) {
            return Optional.of("at most " + maxMemories + " memories per request, got " + r.memories().size());
        }
        for (int i = 0; i < r.memories().size(); i++) {
            MemoryText m = r.memories().get(i);
            if (m == null || m.id() == null || m.id().isBlank()) {
                return Optional.of("memories[" + i + "].id is required");
            }
            if (m.text() == null || m.text().isBlank()) {
                return Optional.of("memories[" + i + "].text is required");
            }
        }
        return Optional.empty();
    }
}
