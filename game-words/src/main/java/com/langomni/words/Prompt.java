package com.langomni.words;

/** A narration prompt: the fixed system prefix and the per-request user message. */
public record Prompt(String system, String user) {

    public int chars() {
        return system.length() + user.length();
    }
}
