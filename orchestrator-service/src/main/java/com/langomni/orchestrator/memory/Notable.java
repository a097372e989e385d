package com.langomni.orchestrator.memory;

/**
 * Something worth remembering about an action.
 *
 * @param npcId      the NPC who remembers it, in its own voice; null when it is the acting player's own history
 *                   (written in the second person, so it can go into a prompt without naming the player)
 * @param importance 1 (mundane) to 10 (life-changing), after the Generative Agents scale
 * @param witnessed  others at the location were shown it (the outcome raised a room event there): the NPC may
 *                   recall it in any player's conversation; otherwise only in the actor's
 * @param gist       the news as another NPC may retell it (third person, names the place), for a witnessed NPC
 *                   memory only; null otherwise: never passed on. Notables of one action with the same gist are one
 *                   event (every witness remembers the same thing)
 */
public record Notable(String npcId, String text, int importance, boolean witnessed, String gist) {

    /** No news to pass on. */
    public Notable(String npcId, String text, int importance, boolean witnessed) {
        this(npcId, text, importance, witnessed, null);
    }

    /** Not witnessed by anyone but the actor (and the NPC). */
    public Notable(String npcId, String text, int importance) {
        this(npcId, text, importance, false, null);
    }

    public boolean ownHistory() {
        return npcId == null;
    }
}
