package com.langomni.simulator.domain;

/** What goes wrong with one request. */
public enum Fault {
    /** Served normally. */
    NONE,
    /** Answered at once with a 500. */
    ERROR,
    /** Accepted and never answered. */
    HANG,
    /** Streams {@code faultAfterTokens} tokens, then sends nothing more while keeping the connection open. */
    STALL,
    /** Streams {@code faultAfterTokens} tokens, then drops the connection. */
    CRASH
}
