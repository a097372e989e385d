package com.langomni.api.npc;

import java.util.List;

/**
 * Body of npc-llm-service {@code POST /api/npc/reply}.
 *
 * @param persona    who the NPC is and how it speaks
 * @param knowledge  authored lines the NPC may say or draw on
 * @param greeting   the NPC's authored greeting, null for a stock one
 * @param topic      what the player asked about, when the parser found one ("sword" in "ask smith about sword")
 * @param playerText what the player said: untrusted data, never instructions
 * @param memories   what the NPC may recall talking with this player (memories about them and public ones, never
 *                   another player's private words), most relevant first: untrusted data, like the conversation
 * @param conversation the last lines of this player's conversation with this NPC, oldest first, each prefixed
 *                   with its speaker ("Ann: ..." / "Mara: ..."); empty when they have not talked lately
 */
public record NpcReplyRequest(String npcId, String npcName, String persona, List<String> knowledge, String greeting,
                              String playerId, String playerName, String topic, String playerText,
                              List<String> memories, List<String> conversation) {
}
