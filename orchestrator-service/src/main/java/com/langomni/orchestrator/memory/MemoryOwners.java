package com.langomni.orchestrator.memory;

/** Owner ids of memories in memory-service (contracts: {@code npc:<npcId>}, {@code player:<playerId>}). */
public final class MemoryOwners {

    public static final String NPC_PREFIX = "npc:";
    public static final String PLAYER_PREFIX = "player:";

    private MemoryOwners() {
    }

    public static String npc(String npcId) {
        return NPC_PREFIX + npcId;
    }

    public static String player(String playerId) {
        return PLAYER_PREFIX + playerId;
    }
}
