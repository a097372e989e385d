package com.langomni.orchestrator.memory;

/**
 * Something worth remembering about an action.
 *
 * @param npcId      the NPC who remembers it, in its own voice; null when it is the acting player's own history
 *                   (written in the second person, so it can go into a prompt without naming the player)
 * @param importance 1 (mundane) to 10 (life-changing), after the Generative Agents scale
 */
public record Notable(String npcId, String text, int importance) {

    public boolean ownHistory() {
        return npcId == null;
    }
}
