package com.langomni.orchestrator.service;

/** The Redis keys the orchestrator owns (contracts: "Redis keys"). */
public final class RedisKeys {

    private static final String PREFIX = "langomni:";

    private RedisKeys() {
    }

    /** Hot player state, JSON of a {@link PlayerSnapshot}. */
    public static String playerState(String playerId) {
        return PREFIX + "player-state:" + playerId;
    }

    /** Rate-limit token bucket (hash: tokens, ts). */
    public static String rate(String playerId) {
        return PREFIX + "rate:" + playerId;
    }

    /** Per-player action lock (value: the holder's token). */
    public static String lock(String playerId) {
        return PREFIX + "lock:" + playerId;
    }

    /** Number of open sockets of a player. */
    public static String online(String playerId) {
        return PREFIX + "online:" + playerId;
    }

    /** Set of the ids of online players in a location. */
    public static String presence(String locationId) {
        return PREFIX + "presence:" + locationId;
    }

    /** Latest room event texts of a location, newest first, for narration context. */
    public static String recent(String locationId) {
        return PREFIX + "recent:" + locationId;
    }
}
