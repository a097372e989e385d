package com.langomni.api.narration;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Why the rules' words answered instead of a model: {@code NarrationChunk.fallbackReason} on the wire, and the
 * {@code reason} tag of the fallback metrics of world-llm-service and the orchestrator. A closed set: a value this
 * build does not know (sent by a newer peer) reads as {@link #OTHER}, so nobody can mint a time series.
 */
public enum FallbackReason {
    /** No LLM is configured: rules by design (world-llm's rules backend). */
    DISABLED("disabled"),
    /** No first token, or no end of the stream, within the deadline. */
    TIMEOUT("timeout"),
    /** The model or the call failed. */
    ERROR("error"),
    /** world-llm's admission queue was full (only world-llm reports it). */
    BUSY("busy"),
    /** The circuit breaker in front of the model was open. */
    CIRCUIT_OPEN("circuit_open"),
    /** A reason this build does not know. */
    OTHER("other");

    private final String tag;

    FallbackReason(String tag) {
        this.tag = tag;
    }

    /** The wire value and metric tag: {@code timeout}, {@code circuit_open}, ... */
    @JsonValue
    public String tag() {
        return tag;
    }

    /** The reason for a wire value; {@link #OTHER} for one this build does not know, null for none. */
    @JsonCreator
    public static FallbackReason of(String tag) {
        if (tag == null) {
            return null;
        }
        for (FallbackReason reason : values()) {
            if (reason.tag.equals(tag)) {
                return reason;
            }
        }
        return OTHER;
    }
}
