package com.langomni.words;

/**
 * How much of a narration request may reach the model.
 *
 * @param playerTextChars  the player's words are cut to this many characters
 * @param recentEvents     the newest recent events kept
 * @param recentEventChars each recent event is cut to this many characters
 * @param historyItems     the most relevant lines of the player's history kept
 * @param historyItemChars each history line is cut to this many characters
 * @param totalChars       system and user message together
 */
public record PromptLimits(int playerTextChars, int recentEvents, int recentEventChars, int historyItems,
                           int historyItemChars, int totalChars) {

    /** Room the user message needs at least besides the system prefix: headings, outcome and the fence. */
    static final int MIN_USER_CHARS = 600;

    public PromptLimits {
        if (playerTextChars < 1 || recentEvents < 0 || recentEventChars < 1 || historyItems < 0
                || historyItemChars < 1) {
            throw new IllegalArgumentException("prompt limits must be positive: " + playerTextChars + ", "
                    + recentEvents + ", " + recentEventChars + ", " + historyItems + ", " + historyItemChars);
        }
        int least = NarrationPrompt.SYSTEM.length() + MIN_USER_CHARS;
        if (totalChars < least) {
            throw new IllegalArgumentException("langomni.world.prompt.total-chars must be at least " + least
                    + " (the fixed system prefix plus room for the outcome), not " + totalChars);
        }
    }
}
