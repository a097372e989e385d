package com.langomni.orchestrator.memory;

/**
 * Something worth remembering about an action.
 *
 * @param npcId      the NPC who remembers it, in its own voice; null when it is the acting player's own history
 *                   (written in the second person, so it can go into a prompt without naming the player)
 * @param importance 1 (mundane) to 10 (life-changing), after the Generative Agents scale
 * @param witnessed  others at the location were shown it (the outcome raised a room event there): the NPC may
 *                   recall it in any player's conversation; otherwise only in the actor's
 */
public record Notable(String npcId, String text, int importance, boolean witnessed) {

    /** Not witnessed by anyone but the actor (and the NPC). */
    public Notable(String npcId, String text, int importance) {
        this(npcId, text, importance, false);
    }

    public boolean ownHistory() {
        return npcId == null;
    }
}
