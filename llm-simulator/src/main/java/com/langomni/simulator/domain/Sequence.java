package com.langomni.simulator.domain;

/** One request inside the engine, from arrival to its last token. */
final class Sequence {
    enum State { WAITING, PREFILL, DECODE, DONE }

    final long id;
    final GenerationRequest request;
    final GenerationListener listener;
    final int promptLength;
    /** Tokens the answer will have: max_tokens, or fewer when it "stops" by itself first. */
    final int targetLength;
    final FinishReason naturalEnd;
    final long arrivedAt;
    /** Arrival plus the fixed frontend overhead: the earliest the scheduler may take it. */
    final long eligibleAt;
    final long[] promptBlockHashes;
    final PseudoText text;

    State state = State.WAITING;
    KvCacheManager.Holding blocks;
    /** Prompt tokens whose KV exists (cached or computed). */
    int prefilled;
    /** Leading full blocks already registered in the prefix cache. */
    int registeredBlocks;
    int generated;
    long[] outputTokenIds;
    long lastTokenAt;

    Sequence(long id, GenerationRequest request, GenerationListener listener, int meanOutputTokens,
             long arrivedAt, long eligibleAt, int blockSize) {
        this.id = id;
        this.request = request;
        this.listener = listener;
        this.promptLength = request.promptTokens().length;
        int natural = PseudoText.naturalLength(request.seed(), meanOutputTokens);
        boolean stopsFirst = !request.ignoreEos() && natural < request.maxTokens();
        this.targetLength = stopsFirst ? natural : request.maxTokens();
        this.naturalEnd = stopsFirst ? FinishReason.STOP : FinishReason.LENGTH;
        this.arrivedAt = arrivedAt;
        this.eligibleAt = eligibleAt;
        this.promptBlockHashes = BlockHasher.fullBlockHashes(request.promptTokens(), promptLength, blockSize);
        this.text = new PseudoText(request.seed());
        this.outputTokenIds = new long[targetLength];
    }

    int remainingPrefill() {
        return promptLength - prefilled;
    }

    /** Emits the next token; returns its text. */
    String nextToken() {
        String piece = text.next();
        outputTokenIds[generated++] = Tokenizer.id(piece.strip());
        return piece;
    }

    /** Prompt and output so far, for hashing the blocks the answer filled. */
    long[] allTokens() {
        long[] all = new long[promptLength + generated];
        System.arraycopy(request.promptTokens(), 0, all, 0, promptLength);
        System.arraycopy(outputTokenIds, 0, all, promptLength, generated);
        return all;
    }
}
