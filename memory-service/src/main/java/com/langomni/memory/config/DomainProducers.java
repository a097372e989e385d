package com.langomni.memory.config;

import com.langomni.memory.domain.ImportanceHeuristic;
import com.langomni.memory.domain.RetrievalScorer;
import com.langomni.memory.domain.ScoringParams;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;

/** Wires the plain-Java domain objects and the clock from configuration. */
public class DomainProducers {

    @Produces
    @Singleton
    RetrievalScorer retrievalScorer(MemoryConfig config) {
        MemoryConfig.Scoring s = config.scoring();
        return new RetrievalScorer(new ScoringParams(s.relevanceWeight(), s.recencyWeight(), s.importanceWeight(),
                s.recencyDecay(), s.minSpread()));
    }

    @Produces
    @Singleton
    ImportanceHeuristic importanceHeuristic() {
        return new ImportanceHeuristic();
    }

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
