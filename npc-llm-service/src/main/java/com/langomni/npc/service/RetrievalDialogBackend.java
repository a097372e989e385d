package com.langomni.npc.service;

import com.langomni.api.npc.NpcReplyRequest;
import com.langomni.api.npc.NpcReplyResponse;
import com.langomni.npc.domain.MemoryRecall;
import com.langomni.npc.domain.NpcVoice;
import com.langomni.npc.domain.Question;
import com.langomni.npc.domain.Recollection;
import com.langomni.npc.domain.RetrievalDialog;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The embedded default: the NPC says the authored knowledge line most relevant to what the player asked, greets
 * when nothing was asked, and admits ignorance when nothing fits. What the player told it before is recalled
 * first when the player asks it to remember, else when no knowledge fits. No model, no invented facts.
 */
@ApplicationScoped
public class RetrievalDialogBackend implements NpcReplyBackend {
    public static final String NAME = "rules";

    private final RetrievalDialog dialog;
    private final NpcVoice voice;
    private final KnowledgeRanker ranker;
    private final MemoryRecall recall;
    private final MeterRegistry registry;

    public RetrievalDialogBackend(RetrievalDialog dialog, NpcVoice voice, KnowledgeRanker ranker,
                                  MemoryRecall recall, MeterRegistry registry) {
        this.recall = recall;
        this.dialog = dialog;
        this.voice = voice;
        this.ranker = ranker;
        this.registry = registry;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Uni<NpcReplyResponse> reply(NpcReplyRequest request) {
        Optional<Recollection> recollection = recall.recall(request);
        if (recollection.filter(Recollection::cued).isPresent()) {
            return Uni.createFrom().item(() -> recalled(request, recollection.get(), "none"));
        }
        Optional<Question> question = dialog.question(request);
        if (question.isEmpty()) {
            return Uni.createFrom().item(() -> recollection.map(r -> recalled(request, r, "none"))
                    .orElseGet(() -> counted("greeting", "none", voice.greet(request))));
        }
        List<String> knowledge = RetrievalDialog.knowledge(request);
        return ranker.rank(question.get(), knowledge).map(ranking -> {
            String method = ranking.method().name().toLowerCase(Locale.ROOT);
            return dialog.choose(ranking, question.get(), knowledge)
                    .map(line -> counted("knowledge", method, voice.answer(request, line.text())))
                    .or(() -> recollection.map(r -> recalled(request, r, method)))
                    .orElseGet(() -> counted("unknown", method, voice.dontKnow(request)));
        });
    }

    private NpcReplyResponse recalled(NpcReplyRequest request, Recollection recollection, String ranking) {
        return counted("recall", ranking, voice.recall(request, recollection));
    }

    private NpcReplyResponse counted(String kind, String ranking, String text) {
        registry.counter("langomni.npc.retrieval.replies", "kind", kind, "ranking", ranking).increment();
        return new NpcReplyResponse(text, NAME);
    }
}
