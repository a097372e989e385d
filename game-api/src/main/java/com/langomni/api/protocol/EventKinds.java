package com.langomni.api.protocol;

/** Values of {@link EventFrame#kind()}. */
public final class EventKinds {
    public static final String ARRIVED = "arrived";
    public static final String LEFT = "left";
    public static final String SAY = "say";
    public static final String COMBAT = "combat";
    public static final String DEATH = "death";
    public static final String TAKE = "take";
    public static final String DROP = "drop";
    public static final String TALK = "talk";
    public static final String USE = "use";
    public static final String GIVE = "give";
    public static final String CONNECTED = "connected";
    public static final String DISCONNECTED = "disconnected";
    /** The world itself: an admin paused or resumed it, a world event began or ended (sent to every room). */
    public static final String WORLD = "world";
    /** A killed creature came back. */
    public static final String RESPAWN = "respawn";
    /** An offer made, accepted, declined or cancelled (seen by the room, and told to the other player). */
    public static final String TRADE = "trade";
    /** Party news and party chat, told to members wherever they are. */
    public static final String PARTY = "party";

    private EventKinds() {
    }
}
