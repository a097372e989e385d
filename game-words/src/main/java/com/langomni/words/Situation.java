package com.langomni.words;

import com.langomni.api.narration.NarrationRequest;

/** What kind of moment a narration describes; each has its own row in {@link NarrationTemplates}. */
public enum Situation {
    ARRIVE, LOOK, TAKE, DROP, USE, ATTACK, KILL, DEATH, SAY, TALK, HELP, INVENTORY, EXAMINE, UNKNOWN, REFUSED;

    /**
     * A death outranks everything (the player must learn they died and where they woke); otherwise a refusal is
     * always told as a refusal, whatever was asked. Every verb is decided here: a new one must choose its row.
     */
    public static Situation of(NarrationRequest request, Scene scene) {
        if (scene.flag("died")) {
            return DEATH;
        }
        if (!request.success()) {
            return REFUSED;
        }
        return switch (scene.intent()) {
            case GO -> ARRIVE;
            case LOOK -> LOOK;
            case TAKE -> TAKE;
            case DROP -> DROP;
            case USE -> USE;
            case ATTACK -> scene.flag("killed") ? KILL : ATTACK;
            case SAY -> scene.has("said") ? SAY : UNKNOWN;
            case TALK -> TALK;
            case HELP -> HELP;
            case INVENTORY -> INVENTORY;
            case EXAMINE -> EXAMINE;
            // the rules' sentence already quotes what was told and names the gift: told as it is
            case TELL, GIVE, UNKNOWN -> UNKNOWN;
            // the quest log is the rules' own list: told as it is
            case QUESTS, QUEST -> HELP;
            // trades and parties: the rules' sentence names everything that moved or was said
            case OFFER, ACCEPT, DECLINE, CANCEL, INVITE, JOIN, LEAVE, PARTY, PSAY -> UNKNOWN;
        };
    }
}
