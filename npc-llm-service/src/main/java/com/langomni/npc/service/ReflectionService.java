package com.langomni.npc.service;

import com.langomni.api.memory.ImportanceResponse;
import com.langomni.api.memory.ReflectRequest;
import com.langomni.api.memory.ReflectResponse;
import com.langomni.api.memory.Reflection;
import com.langomni.api.narration.TokenUsage;
import com.langomni.npc.config.NpcConfig;
import com.langomni.npc.domain.InsightPrompts;
import com.langomni.npc.domain.InsightPrompts.ReflectionPrompt;
import com.langomni.npc.domain.ReflectionParser;
import com.langomni.npc.domain.ReflectionParser.Draft;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Draws a few insights from an owner's memories with an NPC replica (routed by owner), each linked to the
 * memories it rests on and rated like any memory. No replicas, a timeout, failures or an answer with no
 * well-formed insight all answer {@code {"reflections":[],"source":"rules"}}: memory-service writes nothing and
 * asks again later.
 * <p>
 * {@code usage} is everything the reflection spent as the replicas reported it: the insights' completion plus the
 * rating of each insight (all metered as {@code role=reflection}), also on a {@code rules} answer whose model
 * answer held no usable insight; {@link TokenUsage#NONE} when no replica reported any.
 */
@ApplicationScoped
public class ReflectionService {
    static final String KIND = "reflect";

    private final LlmLineGenerator generator;
    private final InsightPrompts prompts;
    private final ImportanceService importance;
    private final InsightMetrics metrics;
    private final boolean llm;
    private final Duration timeout;
    private final NpcConfig.Insight config;

    public ReflectionService(LlmLineGenerator generator, InsightPrompts prompts, ImportanceService importance,
                             InsightMetrics metrics, NpcReplyService replies, NpcConfig config) {
        this.generator = generator;
        this.prompts = prompts;
        this.importance = importance;
        this.metrics = metrics;
        this.llm = LlmDialogBackend.NAME.equals(replies.backendName());
        this.config = config.insight();
        this.timeout = Duration.ofMillis(this.config.reflectTimeoutMs());
    }

    public Uni<ReflectResponse> reflect(ReflectRequest request) {
        if (!llm) {
            return Uni.createFrom().item(() -> rules("no_llm", TokenUsage.NONE));
        }
        ReflectionPrompt prompt = prompts.reflection(request.memories());
        return generator.complete(request.ownerId(), prompt.prompt(), config.reflectMaxTokens(),
                        config.reflectTemperature(), LlmRole.REFLECTION)
                .ifNoItem().after(timeout)
                .failWith(() -> new NoLineException("timeout", "no reflection within " + timeout.toMillis() + " ms"))
                .chain(line -> {
                    List<Draft> drafts = ReflectionParser.parse(line.text(), prompt.ids(), config.maxReflections(),
                            config.maxInsightChars());
                    if (drafts.isEmpty()) {
                        Log.debugf("No well-formed insight from %s: %.120s", line.replica(), line.text());
                        return Uni.createFrom().item(rules("unparseable", line.usage()));
                    }
                    return rated(drafts, line.usage());
                })
                .onFailure().recoverWithItem(failure -> {
                    if (!(failure instanceof NoLineException)) {
                        Log.warn("Reflection failed unexpectedly; memory-service will ask again", failure);
                    }
                    return rules(failure instanceof NoLineException n ? n.reason() : "error",
                            NoLineException.spentBy(failure));
                });
    }

    /** Each insight rated in parallel; one the model cannot rate gets the configured reflection importance. */
    private Uni<ReflectResponse> rated(List<Draft> drafts, TokenUsage drawn) {
        List<Uni<ImportanceResponse>> ratings = drafts.stream()
                .map(d -> importance.score(d.text(), LlmRole.REFLECTION)).toList();
        return Uni.join().all(ratings).andFailFast().map(rated -> {
            List<Reflection> reflections = new ArrayList<>();
            TokenUsage usage = drawn;
            for (int i = 0; i < drafts.size(); i++) {
                Draft d = drafts.get(i);
                ImportanceResponse r = rated.get(i);
                reflections.add(new Reflection(d.text(), d.evidence(),
                        ImportanceResponse.LLM.equals(r.source()) ? r.importance() : config.reflectionImportance()));
                usage = Tokens.plus(usage, r.usage());
            }
            metrics.answered(KIND, ImportanceResponse.LLM, "ok");
            return ReflectResponse.llm(reflections, usage);
        });
    }

    private ReflectResponse rules(String reason, TokenUsage spent) {
        metrics.answered(KIND, ImportanceResponse.RULES, reason);
        return new ReflectResponse(List.of(), ImportanceResponse.RULES, spent);
    }
}
