package com.langomni.api.intent;

/**
 * The action a model picked for the player's words: one of the request's actions, or {@link #NONE}.
 *
 * @param action the picked command, exactly as offered, or {@code none}
 * @param source {@code llm} when a model picked it, {@code rules} when no model is configured (then always none)
 */
public record IntentProposal(String action, String source) {

    /** No legal action matches the words. */
    public static final String NONE = "none";

    public static IntentProposal none(String source) {
        return new IntentProposal(NONE, source);
    }

    public boolean picked() {
        return action != null && !NONE.equals(action);
    }
}
