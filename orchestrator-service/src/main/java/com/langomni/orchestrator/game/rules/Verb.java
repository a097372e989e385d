package com.langomni.orchestrator.game.rules;

/** Intents the parser recognises. {@code UNKNOWN} is narrated without any state change. */
public enum Verb {
    LOOK, GO, TAKE, DROP, INVENTORY, EXAMINE, SAY, TALK, TELL, ATTACK, USE, GIVE, HELP, UNKNOWN
}
