package com.langomni.api.protocol;

/** WebSocket close codes the gateway uses (RFC 6455 §7.4.1 plus the 4xxx private range). */
public final class CloseCodes {
    /** Policy violation: the client flooded the socket with frames. */
    public static final int FLOOD = 1008;
    /** A frame larger than the configured maximum. */
    public static final int TOO_LARGE = 1009;
    /** Frames were lost beyond what this socket could fetch: reconnect with {@code ?resume=<last seq>} at once. */
    public static final int RESYNC = 1012;
    /** The socket's URL was malformed (e.g. a {@code resume} that is not a sequence number). */
    public static final int BAD_REQUEST = 4400;
    /**
     * Not admitted: no ticket (or a token in the URL, no longer accepted), a ticket unknown, used or expired, or
     * a token refused (forged, expired, ended, another player's). The close reason says which.
     */
    public static final int UNAUTHORIZED = 4401;
    /** The same player connected again elsewhere, or an admin kicked the player. */
    public static final int REPLACED = 4409;

    /**
     * The player's socket limits: too many sockets open at once, or too many opened lately (the close reason says
     * which). Reconnect after a while; nothing else changed.
     */
    public static final int SOCKET_LIMIT = 4429;

    private CloseCodes() {
    }
}
