package com.langomni.npc.service;

import com.langomni.api.npc.NpcReplyRequest;
import com.langomni.api.npc.NpcReplyResponse;
import com.langomni.api.narration.TokenUsage;
import com.langomni.npc.config.NpcConfig;
import com.langomni.npc.domain.NpcPromptBuilder;
import com.langomni.npc.domain.ReplicaRouter;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * NPC lines from the model replicas ({@code source: llm}), within one reply budget; whatever goes wrong (no
 * healthy replica, every attempt failed, the budget spent, an empty answer) the retrieval dialog answers instead
 * ({@code source: rules}), so a player always hears the NPC.
 * <p>
 * {@code usage} is what the request spent as the replicas reported it ({@link LlmLineGenerator}): a model line's
 * tokens; on a fallback, the tokens of an answer that came whole but unusable ({@code empty}) or that a failed
 * attempt reported, so the caller's ledger holds every token a backend spent; {@link TokenUsage#NONE} when no
 * replica reported any (none asked, every attempt failed before its end, or the budget ran out mid-stream: what an
 * abandoned stream spent is not known).
 */
@ApplicationScoped
public class LlmDialogBackend implements NpcReplyBackend {
    public static final String NAME = "llm";
    public static final String SOURCE = "llm";

    private final NpcPromptBuilder prompts;
    private final LlmLineGenerator generator;
    private final RetrievalDialogBackend retrieval;
    private final NpcLlmMetrics metrics;
    private final ReplicaRouter router;
    private final Duration replyTimeout;

    public LlmDialogBackend(NpcPromptBuilder prompts, LlmLineGenerator generator, RetrievalDialogBackend retrieval,
                            NpcLlmMetrics metrics, ReplicaRouter router, NpcConfig config) {
        this.prompts = prompts;
        this.router = router;
        this.generator = generator;
        this.retrieval = retrieval;
        this.metrics = metrics;
        this.replyTimeout = Duration.ofMillis(config.llm().replyTimeoutMs());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Uni<NpcReplyResponse> reply(NpcReplyRequest request) {
        return generator.generate(router.key(request.npcId(), request.playerId()), prompts.build(request),
                        request.npcName())
                .ifNoItem().after(replyTimeout)
                .failWith(() -> new NoLineException("timeout", "no line within " + replyTimeout.toMillis() + " ms"))
                .map(line -> {
                    if (line.text().isEmpty()) {
                        throw new NoLineException("empty", "the model said nothing usable", line.usage());
                    }
                    return new NpcReplyResponse(line.text(), SOURCE, line.usage());
                })
                .onFailure().recoverWithUni(failure -> fallback(request, failure));
    }

    private Uni<NpcReplyResponse> fallback(NpcReplyRequest request, Throwable failure) {
        String reason = failure instanceof NoLineException n ? n.reason() : "error";
        if (!(failure instanceof NoLineException)) {
            Log.warn("NPC line generation failed unexpectedly; the retrieval dialog answers", failure);
        } else {
            Log.debugf("NPC LLM fallback: %s", failure.getMessage());
        }
        metrics.fallback(reason);
        TokenUsage spent = NoLineException.spentBy(failure);
        return retrieval.reply(request).map(r -> new NpcReplyResponse(r.text(), r.source(), spent));
    }
}
