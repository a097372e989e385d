package com.langomni.simulator.domain;

/** Round numbers that make expected timings easy to write down; tests change what they exercise. */
final class TestSettings {
    String model = "test-model";
    int maxNumSeqs = 16;
    int maxNumBatchedTokens = 4096;
    int maxModelLen = 2048;
    int blockSize = 16;
    int kvCacheBlocks = 4096;
    double overheadMs = 5;
    double prefillPerTokenMs = 0.1;
    double baseItlMs = 10;
    double perSeqItlMs = 1;
    double jitter = 0;
    int defaultMaxTokens = 32;
    int meanOutputTokens = 1000;
    int maxQueue = 0;

    EngineSettings build() {
        return new EngineSettings(model, maxNumSeqs, maxNumBatchedTokens, maxModelLen, blockSize, kvCacheBlocks,
                overheadMs, prefillPerTokenMs, baseItlMs, perSeqItlMs, jitter, defaultMaxTokens, meanOutputTokens,
                maxQueue, 7);
    }
}
