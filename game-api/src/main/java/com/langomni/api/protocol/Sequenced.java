package com.langomni.api.protocol;

/**
 * Frames of a player's outbox carry {@code "seq"}: a per-player number, 1, 2, 3 … with no gap, so a client can
 * resume after a drop ({@code ?resume=<last seq seen>}) and drop what it already has. The number is given when
 * the frame is appended to the outbox, after the frame was serialised, so it is spliced in as the first property.
 */
public final class Sequenced {

    /** {@code welcome.resume}: every frame after the client's number follows the welcome. */
    public static final String RESUMED = "ok";
    /** {@code welcome.resume}: the frames after the client's number are beyond retention; this is a fresh start. */
    public static final String EXPIRED = "expired";

    private Sequenced() {
    }

    /** {@code {"type":…}} becomes {@code {"seq":n,"type":…}}; {@code json} must be a non-empty JSON object. */
    public static String withSeq(String json, long seq) {
        if (json.length() < 2 || json.charAt(0) != '{') {
            throw new IllegalArgumentException("not a JSON object: " + json);
        }
        String rest = json.substring(1);
        return "{\"seq\":" + seq + (rest.startsWith("}") ? "" : ",") + rest;
    }
}
