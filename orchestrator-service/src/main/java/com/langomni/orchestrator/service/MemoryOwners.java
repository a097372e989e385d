package com.langomni.orchestrator.service;

/** Owner ids of memories in memory-service (contracts: {@code npc:<npcId>}, {@code player:<playerId>}). */
public final class MemoryOwners {

    private MemoryOwners() {
    }

    public static String npc(String npcId) {
        return "npc:" + npcId;
    }

    public static String player(String playerId) {
        return "player:" + playerId;
    }
}
