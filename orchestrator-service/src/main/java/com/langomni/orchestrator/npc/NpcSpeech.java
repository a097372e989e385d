package com.langomni.orchestrator.npc;

/** How an NPC's words are put after the rules' sentence ("You ask Brom about swords. Brom says, "..."). */
public final class NpcSpeech {

    private NpcSpeech() {
    }

    public static String format(String outcomeMessage, String npcName, String line) {
        return outcomeMessage + " " + npcName + " says, \"" + line.strip() + "\"";
    }

    /** The memory an NPC keeps of a conversation, in its own voice. */
    public static String memory(String playerName, String topic, String said, String reply) {
        String asked = topic != null && !topic.isBlank()
                ? playerName + " asked me about " + topic
                : playerName + " said to me: \"" + said + "\"";
        return asked + "; I said: " + reply;
    }

    /** The same conversation in the player's own history, in the second person (no player name in it). */
    public static String history(String npcName, String topic, String said, String reply) {
        String asked = topic != null && !topic.isBlank()
                ? "You asked " + npcName + " about " + topic
                : "You said to " + npcName + ": \"" + said + "\"";
        return asked + "; " + npcName + " said: " + reply;
    }
}
