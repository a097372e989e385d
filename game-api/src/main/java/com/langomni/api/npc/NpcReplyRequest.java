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
 * @param facts      what the rules know of this player that bears on this NPC (their quests with it: "Ann has
 *                   accepted your quest 'The Rat Problem' and is on step 2 of 3: ..."), decided by the rules, never
 *                   by a model: the NPC's reply must agree with them; null or empty when none
 */
public record NpcReplyRequest(String npcId, String npcName, String persona, List<String> knowledge, String greeting,
                              String playerId, String playerName, String topic, String playerText,
                              List<String> memories, List<String> conversation, List<String> facts) {

    /** A request with no rule facts about the player. */
    public NpcReplyRequest(String npcId, String npcName, String persona, List<String> knowledge, String greeting,
                           String playerId, String playerName, String topic, String playerText,
                           List<String> memories, List<String> conversation) {
        this(npcId, npcName, persona, knowledge, greeting, playerId, playerName, topic, playerText, memories,
                conversation, List.of());
    }
}
