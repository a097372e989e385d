package com.langomni.simulator.domain;

/** Why a sequence ended, spelled as vLLM's finish_reason and its request_success_total label. */
public enum FinishReason {
    STOP("stop"), LENGTH("length"), ABORT("abort");

    private final String wire;

    FinishReason(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }
}
