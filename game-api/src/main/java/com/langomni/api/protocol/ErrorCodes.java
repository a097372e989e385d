package com.langomni.api.protocol;

/** Values of {@link ErrorFrame#code()} and of the {@code code} field of HTTP error bodies. */
public final class ErrorCodes {
    public static final String RATE_LIMITED = "rate_limited";
    public static final String BAD_REQUEST = "bad_request";
    public static final String UNAUTHORIZED = "unauthorized";
    public static final String FORBIDDEN = "forbidden";
    public static final String NOT_FOUND = "not_found";
    public static final String CONFLICT = "conflict";
    public static final String TOO_LARGE = "too_large";
    public static final String BUSY = "busy";
    public static final String INTERNAL = "internal";
    public static final String UNAVAILABLE = "unavailable";
    /** The server is at capacity and refused the request at once (nothing applied); retry after a moment. */
    public static final String OVERLOADED = "overloaded";
    /** The account is banned (login refused until the ban ends; the message says until when). */
    public static final String BANNED = "banned";

    /** A socket refused: the player has langomni.presence.max-sockets-per-player sockets open already. */
    public static final String TOO_MANY_SOCKETS = "too_many_sockets";
    /** A socket refused: the player opened langomni.presence.opens-per-minute sockets within the last minute. */
    public static final String TOO_MANY_OPENS = "too_many_opens";

    private ErrorCodes() {
    }
}
