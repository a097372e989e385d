package com.langomni.npc.domain;

import java.util.List;
import java.util.Optional;

/**
 * Knowledge lines ordered best first, and how they were scored: semantic scores are cosine similarities from
 * memory-service, lexical scores are BM25 from {@link LexicalRanker}; the two scales differ, so each has its
 * own relevance threshold.
 */
public record Ranking(Method method, List<ScoredLine> lines) {

    public enum Method {
        SEMANTIC, LEXICAL
    }

    public Ranking {
        lines = List.copyOf(lines);
    }

    public Optional<ScoredLine> best() {
        return lines.isEmpty() ? Optional.empty() : Optional.of(lines.get(0));
    }
}
