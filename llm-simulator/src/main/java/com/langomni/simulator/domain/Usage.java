package com.langomni.simulator.domain;

/** Token accounting of one finished request. */
public record Usage(int promptTokens, int completionTokens, int cachedTokens) {
    public int totalTokens() {
        return promptTokens + completionTokens;
    }
}
