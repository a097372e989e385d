package com.langomni.world.domain;

import com.langomni.api.narration.NarrationRequest;

/** What kind of moment a narration describes; each has its own row in {@link NarrationTemplates}. */
public enum Situation {
    ARRIVE, LOOK, TAKE, DROP, USE, ATTACK, KILL, DEATH, SAY, TALK, HELP, INVENTORY, EXAMINE, UNKNOWN, REFUSED;

    /**
     * A death outranks everything (the player must learn they died and where they woke); otherwise a refusal is
     * always told as a refusal, whatever was asked.
     */
    public static Situation of(NarrationRequest request, Scene scene) {
        if ("death".equals(scene.intent()) || scene.flag("died")) {
            return DEATH;
        }
        if (!request.success()) {
            return REFUSED;
        }
        return switch (scene.intent()) {
            case "go" -> ARRIVE;
            case "look" -> LOOK;
            case "take" -> TAKE;
            case "drop" -> DROP;
            case "use" -> USE;
            case "attack" -> scene.flag("killed") ? KILL : ATTACK;
            case "say" -> scene.has("said") ? SAY : UNKNOWN;
            case "talk" -> TALK;
            case "help" -> HELP;
            case "inventory" -> INVENTORY;
            case "examine" -> EXAMINE;
            default -> UNKNOWN;
        };
    }
}
