package com.langomni.words;

import java.util.List;

/**
 * What a player is told about how their words were understood: the action a model picked for them, shown before
 * what happened ("(you try to open the chest)"), or, when nothing was understood, a few things they could do.
 */
public final class Understanding {

    private Understanding() {
    }

    /** "(you try to take rusty lantern)". */
    public static String understood(String command) {
        return "(you try to " + command + ")";
    }

    /** "I don't understand. You could try: go north, talk to pip, take loaf of rosemary bread." */
    public static String suggestions(List<String> commands) {
        if (commands == null || commands.isEmpty()) {
            return "I don't understand. Type help for what you can do.";
        }
        return "I don't understand. You could try: " + String.join(", ", commands) + ".";
    }

    /** The narration as the player reads it, with how their words were understood around it. */
    public static String frame(String proposed, List<String> suggestions, String narration) {
        String text = narration == null ? "" : narration;
        if (proposed != null) {
            return understood(proposed) + (text.isEmpty() ? "" : "\n" + text);
        }
        if (suggestions != null && !suggestions.isEmpty()) {
            return (text.isEmpty() ? "" : text + "\n") + suggestions(suggestions);
        }
        return text;
    }
}
