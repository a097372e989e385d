package com.langomni.orchestrator.narration;

import com.langomni.orchestrator.game.rules.NpcTalk;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import com.langomni.orchestrator.admin.metering.LlmBudgets;
import com.langomni.orchestrator.game.ActionMetrics;
import com.langomni.orchestrator.moderation.Moderation;
import com.langomni.orchestrator.npc.NpcDialog;

/**
 * Puts an outcome the rules already decided into words: {@link WorldNarration} for the world (streamed, cached),
 * {@link NpcDialog} when an NPC was addressed; a player over their LLM budget gets the NPC's authored answer. The
 * one fallback of a narration is here: whatever goes wrong (a client's deadline, its open breaker, an error, a
 * store), the rules' own text, so narration can slow an action down but never fail it. The clients only fail;
 * world-llm-service has its own LLM-to-template fallback inside, reported as the chunk's {@code fallbackReason}.
 */
@ApplicationScoped
public class Narrator {

    private final WorldNarration world;
    private final NpcDialog npcs;
    private final ActionMetrics metrics;
    private final LlmBudgets budgets;

    Narrator(WorldNarration world, NpcDialog npcs, ActionMetrics metrics, LlmBudgets budgets) {
        this.world = world;
        this.npcs = npcs;
        this.metrics = metrics;
        this.budgets = budgets;
    }

    /**
     * Never fails: whatever goes wrong (thrown or failed), the rules' text. A plain Mutiny recovery rather than a
     * fault-tolerance interceptor: this runs for every action, and the interceptor cost more than the rules do.
     */
    public Uni<Narration> narrate(NarrationContext context) {
        return Uni.createFrom().deferred(() -> narrateOrFail(context))
                .onFailure().recoverWithUni(failure -> byRules(context, failure));
    }

    private Uni<Narration> narrateOrFail(NarrationContext context) {
        NpcTalk talk = context.outcome().npcTalk();
        if (talk == null) {
            return world.narrate(context);
        }
        // npc-llm's own retrieval answer (source rules) says nothing of whether it had a model: not counted either way
        return budgets.allows(context.player().id()).chain(allowed -> allowed ? npcs.voice(context, talk).invoke(line -> {
            if (Narration.SOURCE_LLM.equals(line.source())) {
                metrics.llmNarrated();
            }
        }) : overBudget(context));
    }

    /** A player over their LLM budget hears the NPC's authored answer; no error, no model. */
    private Uni<Narration> overBudget(NarrationContext context) {
        metrics.ruled(ActionMetrics.RULED_OVER_BUDGET);
        return Uni.createFrom().item(RulesNarration.of(context.outcome()));
    }

    Uni<Narration> byRules(NarrationContext context, Throwable failure) {
        if (failure instanceof Moderation.Flagged) {
            metrics.ruled(ActionMetrics.RULED_MODERATED);
        } else {
            metrics.fallback(FailureReason.of(failure));
        }
        Log.debugf("Narration of %s fell back to the rules: %s", context.actionId(), failure.toString());
        return Uni.createFrom().item(RulesNarration.of(context.outcome()));
    }
}
