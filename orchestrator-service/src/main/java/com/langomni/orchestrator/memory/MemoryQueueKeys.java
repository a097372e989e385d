package com.langomni.orchestrator.memory;

/** The Redis keys of the memory write queue, all named after its stream (langomni.memory-queue.stream). */
final class MemoryQueueKeys {

    private MemoryQueueKeys() {
    }

    /** Writes waiting for their next attempt: a sorted set of their fields as JSON, scored by when it is due. */
    static String delayed(String stream) {
        return stream + ":delayed";
    }

    /** The dead letters: a stream of the writes given up on, with their attempts, last error and time. */
    static String deadLetters(String stream) {
        return stream + ":dead";
    }
}
