package com.langomni.orchestrator.narration;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import com.langomni.api.outcome.Verb;

/**
 * Where a world narration pays for the model. The rules' own sentence is instant and free, so it answers every
 * outcome whose words add nothing (speech, inventory, taking and dropping, refusals, help); the world model narrates
 * what a player reads for the first time or where the unexpected happens (a first look, an arrival, examine,
 * combat, free-form actions), with an answer length sized to the intent. A look at, or an arrival in, a place the
 * player has just seen as it is now is a repeat: the caller knows that (it needs the player's history) and asks
 * {@link Plan#repeat()}.
 */
public final class NarrationPolicy {

    /** What to do with one outcome. */
    public record Plan(boolean llm, int maxTokens, boolean highPriority, boolean cacheable, boolean place) {

        static final Plan RULES = new Plan(false, 0, false, false, false);

        /** The same narration for a player who has just seen the place as it is now: the rules' text. */
        public Plan repeat() {
            return RULES;
        }
    }

    /** Intents that describe the player's surroundings, where "seen it just now" makes the model's words a repeat. */
    private static final Set<Verb> PLACES = EnumSet.of(Verb.LOOK, Verb.GO);

    private final Set<Verb> llm;
    private final Set<Verb> highPriority;
    private final Set<Verb> cacheable;
    private final boolean narrateRefusals;
    private final Map<Verb, Integer> maxTokens;
    private final int defaultMaxTokens;

    /**
     * @param llm             intents the world model narrates; every other one gets the rules' text
     * @param highPriority    of those, the ones that keep the model when it saturates
     * @param cacheable       of those, the ones whose narration is a pure function of the place and the outcome
     * @param narrateRefusals whether a refused action ("there is no wolf here") is worth the model's words
     * @param maxTokens       answer length per intent, in tokens; {@code defaultMaxTokens} for the others
     */
    public NarrationPolicy(Set<Verb> llm, Set<Verb> highPriority, Set<Verb> cacheable, boolean narrateRefusals,
                           Map<Verb, Integer> maxTokens, int defaultMaxTokens) {
        if (defaultMaxTokens < 1 || maxTokens.values().stream().anyMatch(t -> t == null || t < 1)) {
            throw new IllegalArgumentException("narration answer lengths must be at least 1 token");
        }
        this.llm = copy(llm);
        this.highPriority = copy(highPriority);
        this.cacheable = copy(cacheable);
        this.narrateRefusals = narrateRefusals;
        this.maxTokens = maxTokens.isEmpty() ? new EnumMap<>(Verb.class) : new EnumMap<>(maxTokens);
        this.defaultMaxTokens = defaultMaxTokens;
    }

    public Plan plan(Verb verb, boolean success) {
        if (!llm.contains(verb) || (!success && !narrateRefusals)) {
            return Plan.RULES;
        }
        return new Plan(true, maxTokens.getOrDefault(verb, defaultMaxTokens), highPriority.contains(verb),
                success && cacheable.contains(verb), success && PLACES.contains(verb));
    }

    private static Set<Verb> copy(Set<Verb> verbs) {
        return verbs.isEmpty() ? EnumSet.noneOf(Verb.class) : EnumSet.copyOf(verbs);
    }
}
