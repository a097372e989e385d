package com.langomni.npc.service;

import com.langomni.api.memory.RankRequest;
import com.langomni.api.memory.RankedText;
import com.langomni.npc.client.MemoryClient;
import com.langomni.npc.domain.Question;
import com.langomni.npc.domain.Ranking;
import com.langomni.npc.domain.RetrievalDialog;
import com.langomni.npc.domain.ScoredLine;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Orders an NPC's knowledge by relevance to a question: semantically through memory-service when it answers in
 * time, lexically in-process when it does not. Either way the dialog gets a ranking; only its quality degrades.
 */
@ApplicationScoped
public class KnowledgeRanker {
    private final MemoryClient memory;
    private final RetrievalDialog dialog;
    private final CircuitBreakerMaintenance breakers;
    private final MeterRegistry registry;

    public KnowledgeRanker(MemoryClient memory, RetrievalDialog dialog, CircuitBreakerMaintenance breakers,
                           MeterRegistry registry) {
        this.memory = memory;
        this.dialog = dialog;
        this.breakers = breakers;
        this.registry = registry;
    }

    /** Semantically when memory-service answers in time with a sound ranking, lexically otherwise; never fails. */
    public Uni<Ranking> rank(Question question, List<String> knowledge) {
        return memory.rank(new RankRequest(question.text(), knowledge, knowledge.size()))
                .map(ranked -> semantic(ranked, knowledge))
                .onFailure().recoverWithUni(() -> rankLexically(question, knowledge));
    }

    private Uni<Ranking> rankLexically(Question question, List<String> knowledge) {
        String reason = breakers.currentState(MemoryClient.RANK_BREAKER) == CircuitBreakerState.OPEN
                ? "circuit_open" : "failure";
        registry.counter("langomni.npc.ranking.fallbacks", "reason", reason).increment();
        Log.debugf("Semantic ranking unavailable (%s), ranking lexically", reason);
        return Uni.createFrom().item(() -> dialog.rankLexically(question, knowledge));
    }

    /**
     * Our own lines, re-sorted by the scores memory-service gave them. An answer that breaks the contract (an
     * index out of range, nothing ranked) fails, which sends this request down the lexical path.
     */
    private static Ranking semantic(List<RankedText> ranked, List<String> knowledge) {
        List<ScoredLine> lines = new ArrayList<>();
        for (RankedText r : ranked == null ? List.<RankedText>of() : ranked) {
            if (r == null || r.index() < 0 || r.index() >= knowledge.size()) {
                throw new IllegalStateException("memory-service ranked an unknown candidate: " + r);
            }
            lines.add(new ScoredLine(r.index(), knowledge.get(r.index()), r.score()));
        }
        if (lines.isEmpty()) {
            throw new IllegalStateException("memory-service ranked none of " + knowledge.size() + " candidates");
        }
        lines.sort(Comparator.comparingDouble(ScoredLine::score).reversed());
        return new Ranking(Ranking.Method.SEMANTIC, lines);
    }
}
