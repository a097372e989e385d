package com.langomni.api.bus;

/**
 * Redis pub/sub channel names. The orchestrator publishes, gateways subscribe by pattern.
 * Player channels carry ready-to-send server frames as JSON; location channels carry {@link RoomEvent}s.
 */
public final class Channels {
    public static final String PLAYER_PREFIX = "langomni:player:";
    public static final String LOCATION_PREFIX = "langomni:loc:";
    public static final String PLAYER_PATTERN = PLAYER_PREFIX + "*";
    public static final String LOCATION_PATTERN = LOCATION_PREFIX + "*";

    private Channels() {
    }

    public static String player(String playerId) {
        return PLAYER_PREFIX + playerId;
    }

    public static String location(String locationId) {
        return LOCATION_PREFIX + locationId;
    }
}
