package com.langomni.words;

import com.langomni.api.narration.NarrationRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * The template narrator: turns what the rules engine decided into prose from the template table
 * ({@link NarrationTemplates}), without any model. It is what players read when no LLM is configured and when
 * world-llm's model fails; its {@code {outcome}} is the rules' plain sentence ({@link OutcomeText}), which the
 * orchestrator uses alone when world-llm cannot be reached. It never decides anything: a refusal is told as a
 * refusal with the rules' reason, numbers come from the facts and views, and the player's own words appear only in
 * quotes when they said something.
 */
public final class TemplateNarrator {
    private final int maxQuoteChars;

    /** @param maxQuoteChars longest stretch of the player's words quoted back (longer speech is cut) */
    public TemplateNarrator(int maxQuoteChars) {
        this.maxQuoteChars = maxQuoteChars;
    }

    public String narrate(NarrationRequest request) {
        Scene scene = Scene.of(request, maxQuoteChars);
        long seed = seedOf(request);
        List<String> sentences = new ArrayList<>();
        Situation situation = Situation.of(request, scene);
        if (situation == Situation.HELP) {
            return request.outcome(); // the command list is reference text: verbatim, line breaks kept
        }
        List<Slot> slots = NarrationTemplates.slots(situation);
        for (int i = 0; i < slots.size(); i++) {
            slots.get(i).render(scene, seed, i).filter(s -> !s.isBlank()).ifPresent(sentences::add);
        }
        String text = String.join(" ", sentences);
        return text.isBlank() ? Text.clean(request.outcome(), 2000) : text;
    }

    /** The action id makes a retry read the same; without one the request's own content seeds the choice. */
    private static long seedOf(NarrationRequest r) {
        if (r.actionId() != null && !r.actionId().isBlank()) {
            return Seed.of(r.actionId());
        }
        return Seed.of(r.intent() == null ? null : r.intent().wire(), r.outcome(), r.playerText(),
                r.player() == null ? null : r.player().id());
    }
}
