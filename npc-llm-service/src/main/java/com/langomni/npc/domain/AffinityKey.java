package com.langomni.npc.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What affinity routing keeps together on one replica. */
public enum AffinityKey {
    /** One conversation ({@code npcId:playerId}): its growing history stays in one prefix cache (the default). */
    CONVERSATION("conversation"),
    /**
     * Every conversation with one NPC ({@code npcId}): the NPC's long shared prefix is cached on one replica
     * instead of on all of them, at the cost of hot NPCs leaning on the load term to spread.
     */
    NPC("npc");

    private final String configName;

    AffinityKey(String configName) {
        this.configName = configName;
    }

    public String configName() {
        return configName;
    }

    public String of(String npcId, String playerId) {
        return this == NPC ? npcId : npcId + ":" + (playerId == null ? "" : playerId);
    }

    public static AffinityKey parse(String name) {
        String wanted = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(k -> k.configName.equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown affinity key '" + name + "': use "
                        + Arrays.stream(values()).map(AffinityKey::configName).collect(Collectors.joining(" or "))));
    }
}
