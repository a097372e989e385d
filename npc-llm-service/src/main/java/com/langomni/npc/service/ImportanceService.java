package com.langomni.npc.service;

import com.langomni.api.memory.ImportanceResponse;
import com.langomni.api.narration.TokenUsage;
import com.langomni.npc.config.NpcConfig;
import com.langomni.npc.domain.ImportanceParser;
import com.langomni.npc.domain.InsightPrompts;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.OptionalInt;

/**
 * Rates a memory's poignancy 1..10 with an NPC replica. Every way of not getting a rating (no replicas, timeout,
 * every replica failed, an answer that is no number 1..10) answers {@code {"importance":0,"source":"rules"}}:
 * memory-service owns the heuristic, so there is exactly one.
 * <p>
 * {@code usage} is what the rating spent as the replica reported it, on {@code llm} answers and on {@code rules}
 * ones whose model answer was no rating (the tokens were spent all the same); {@link TokenUsage#NONE} when no
 * replica reported any (no LLM, timeout, failures: see {@link LlmLineGenerator}).
 */
@ApplicationScoped
public class ImportanceService {
    static final String KIND = "importance";

    private final LlmLineGenerator generator;
    private final InsightPrompts prompts;
    private final InsightMetrics metrics;
    private final boolean llm;
    private final Duration timeout;
    private final int maxTokens;

    public ImportanceService(LlmLineGenerator generator, InsightPrompts prompts, InsightMetrics metrics,
                             NpcReplyService replies, NpcConfig config) {
        this.generator = generator;
        this.prompts = prompts;
        this.metrics = metrics;
        this.llm = LlmDialogBackend.NAME.equals(replies.backendName());
        this.timeout = Duration.ofMillis(config.insight().importanceTimeoutMs());
        this.maxTokens = config.insight().importanceMaxTokens();
    }

    /** A memory's rating for memory-service (tokens metered as {@code role=importance}). */
    public Uni<ImportanceResponse> score(String text) {
        return score(text, LlmRole.IMPORTANCE);
    }

    /** @param role what the rating is for: a memory write, or an insight of a reflection */
    Uni<ImportanceResponse> score(String text, LlmRole role) {
        if (!llm) {
            return Uni.createFrom().item(() -> rules("no_llm", TokenUsage.NONE));
        }
        // keyed by the text: ratings spread over the replicas, and a repeated memory meets its cached prompt
        return generator.complete(KIND + ":" + text, prompts.importance(text), maxTokens, 0.0, role)
                .ifNoItem().after(timeout)
                .failWith(() -> new NoLineException("timeout", "no rating within " + timeout.toMillis() + " ms"))
                .map(line -> {
                    OptionalInt rating = ImportanceParser.parse(line.text());
                    if (rating.isEmpty()) {
                        Log.debugf("Unparseable importance rating from %s: %.80s", line.replica(), line.text());
                        return rules("unparseable", line.usage());
                    }
                    metrics.answered(KIND, ImportanceResponse.LLM, "ok");
                    return ImportanceResponse.llm(rating.getAsInt(), line.usage());
                })
                .onFailure().recoverWithItem(failure -> {
                    if (!(failure instanceof NoLineException)) {
                        Log.warn("Importance rating failed unexpectedly; the caller's heuristic applies", failure);
                    }
                    return rules(failure instanceof NoLineException n ? n.reason() : "error",
                            NoLineException.spentBy(failure));
                });
    }

    private ImportanceResponse rules(String reason, TokenUsage spent) {
        metrics.answered(KIND, ImportanceResponse.RULES, reason);
        return new ImportanceResponse(0, ImportanceResponse.RULES, spent);
    }
}
