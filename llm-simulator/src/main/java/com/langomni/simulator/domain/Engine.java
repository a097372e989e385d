package com.langomni.simulator.domain;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.SplittableRandom;

/**
 * A discrete-event model of vLLM's continuous-batching scheduler.
 *
 * <p>Requests wait in a FIFO queue and are admitted while fewer than max-num-seqs run and the KV cache
 * can hold their prompt plus max_tokens (reusing cached prefix blocks). The engine then runs steps back
 * to back. A step decodes one token for every running sequence past prefill and spends the rest of the
 * max-num-batched-tokens budget on prompt chunks (chunked prefill), and lasts
 * {@code base_itl + per_seq_itl × batch + prefill_per_token × prefill tokens}, jittered. A sequence's
 * first token comes out of the step that finishes its prompt, so TTFT is queueing plus prefill, and
 * every token after it costs one step, which grows with the batch.
 *
 * <p>Time comes only from the {@link SimClock}: {@link #advance()} plays every event due by now and
 * says when the next one is due. Thread-safe; listeners are called outside the lock.
 */
public final class Engine {
    private static final double NANOS_PER_MS = 1_000_000.0;
    private static final double NANOS_PER_SECOND = 1_000_000_000.0;

    private final EngineSettings settings;
    private final SimClock clock;
    private final SplittableRandom jitter;
    private final KvCacheManager kv;
    private final EngineStats stats = new EngineStats();
    private final ArrayDeque<Sequence> waiting = new ArrayDeque<>();
    private final List<Sequence> running = new ArrayList<>();
    private final Map<Long, Sequence> live = new HashMap<>();
    private long nextId = 1;
    private Step step;
    private long lastStepEnd = Long.MIN_VALUE;

    /** A step in flight: which sequences decode, which prefill how many tokens, and when it ends. */
    private record Step(long endsAt, List<Sequence> decoding, List<Sequence> prefilling, int[] chunks) {
    }

    public Engine(EngineSettings settings, SimClock clock) {
        this.settings = settings;
        this.clock = clock;
        this.jitter = new SplittableRandom(settings.seed());
        this.kv = new KvCacheManager(settings.kvCacheBlocks(), settings.blockSize());
    }

    public EngineSettings settings() {
        return settings;
    }

    /**
     * Queues a request. Returns its id, or empty when max-queue requests already wait beyond the free
     * slots (an overloaded server refuses it).
     */
    public synchronized OptionalLong submit(GenerationRequest request, GenerationListener listener) {
        if (request.promptTokens().length + request.maxTokens() > settings.maxModelLen()) {
            throw new IllegalArgumentException("request exceeds max-model-len; validate with ContextWindow first");
        }
        int freeSlots = Math.max(0, settings.maxNumSeqs() - running.size());
        if (settings.maxQueue() > 0 && waiting.size() - freeSlots >= settings.maxQueue()) {
            return OptionalLong.empty();
        }
        long now = clock.nanoTime();
        long eligibleAt = now + toNanos(settings.prefillOverheadMs());
        Sequence seq = new Sequence(nextId++, request, listener, settings.meanOutputTokens(), now, eligibleAt,
                settings.blockSize());
        waiting.addLast(seq);
        live.put(seq.id, seq);
        return OptionalLong.of(seq.id);
    }

    /** Drops a request (client gone); its KV blocks return to the pool, cached ones stay cached. */
    public synchronized void abort(long id) {
        Sequence seq = live.remove(id);
        if (seq == null) {
            return;
        }
        if (seq.state == Sequence.State.WAITING) {
            waiting.remove(seq);
        } else {
            running.remove(seq);
            kv.release(seq.blocks);
        }
        seq.state = Sequence.State.DONE;
        stats.finished(FinishReason.ABORT);
    }

    /**
     * Plays every step that has ended by now and starts the next one. Returns when the next event is due
     * (System.nanoTime scale of the clock), or empty when there is nothing to do until a submit.
     */
    public OptionalLong advance() {
        List<Runnable> out = new ArrayList<>();
        OptionalLong next;
        synchronized (this) {
            next = advanceLocked(clock.nanoTime(), out);
        }
        RuntimeException failure = null;
        for (Runnable delivery : out) {
            try {
                delivery.run();
            } catch (RuntimeException e) {
                failure = failure == null ? e : failure; // one broken listener must not starve the others
            }
        }
        if (failure != null) {
            throw failure;
        }
        return next;
    }

    public synchronized EngineSnapshot snapshot() {
        return new EngineSnapshot(running.size(), waiting.size(), kv.usage(), kv.capacity(), kv.blockSize(),
                stats.promptTokens, stats.generationTokens, stats.prefixQueries, stats.prefixHits,
                stats.finishedCopy(), stats.ttft.snapshot(), stats.itl.snapshot(), stats.e2e.snapshot(),
                stats.queueTime.snapshot());
    }

    public synchronized void resetPrefixCache() {
        kv.resetPrefixCache();
    }

    private OptionalLong advanceLocked(long now, List<Runnable> out) {
        while (true) {
            if (step != null) {
                if (step.endsAt > now) {
                    return OptionalLong.of(step.endsAt);
                }
                Step done = step;
                step = null;
                lastStepEnd = done.endsAt;
                complete(done, out);
                continue;
            }
            long startAt = running.isEmpty() && !waiting.isEmpty()
                    ? Math.max(lastStepEnd, waiting.peekFirst().eligibleAt)
                    : lastStepEnd;
            if (running.isEmpty() && waiting.isEmpty()) {
                return OptionalLong.empty();
            }
            if (startAt > now) {
                return OptionalLong.of(startAt);
            }
            admit(startAt);
            step = plan(startAt);
            if (step == null) {
                // nothing runnable: the queue head is still in its frontend overhead
                Sequence head = waiting.peekFirst();
                return head == null ? OptionalLong.empty() : OptionalLong.of(Math.max(head.eligibleAt, now + 1));
            }
        }
    }

    /** FCFS admission: stops at the first request that cannot get a slot or its KV blocks, as vLLM does. */
    private void admit(long at) {
        while (!waiting.isEmpty() && running.size() < settings.maxNumSeqs()) {
            Sequence head = waiting.peekFirst();
            if (head.eligibleAt > at) {
                return;
            }
            int bs = settings.blockSize();
            int totalBlocks = (head.promptLength + head.request.maxTokens() + bs - 1) / bs;
            KvCacheManager.Holding blocks = kv.allocate(head.promptBlockHashes, (head.promptLength - 1) / bs,
                    totalBlocks);
            if (blocks == null) {
                return;
            }
            waiting.removeFirst();
            head.blocks = blocks;
            head.prefilled = blocks.cachedTokens();
            head.registeredBlocks = blocks.cachedTokens() / bs;
            head.state = Sequence.State.PREFILL;
            running.add(head);
            stats.prefixQueries += head.promptLength;
            stats.prefixHits += blocks.cachedTokens();
            stats.queueTime.observe((at - head.eligibleAt) / NANOS_PER_SECOND);
        }
    }

    private Step plan(long startAt) {
        List<Sequence> decoding = new ArrayList<>();
        List<Sequence> prefilling = new ArrayList<>();
        for (Sequence s : running) {
            if (s.state == Sequence.State.DECODE) {
                decoding.add(s);
            }
        }
        int budget = settings.maxNumBatchedTokens() - decoding.size();
        int prefillTokens = 0;
        List<Integer> chunks = new ArrayList<>();
        for (Sequence s : running) {
            if (s.state == Sequence.State.PREFILL && budget > 0) {
                int chunk = Math.min(s.remainingPrefill(), budget);
                prefilling.add(s);
                chunks.add(chunk);
                budget -= chunk;
                prefillTokens += chunk;
            }
        }
        int batch = decoding.size() + prefilling.size();
        if (batch == 0) {
            return null;
        }
        double ms = settings.baseItlMs() + settings.perSeqItlMs() * batch
                + settings.prefillPerTokenMs() * prefillTokens;
        if (settings.jitter() > 0) {
            ms *= 1 + settings.jitter() * (2 * jitter.nextDouble() - 1);
        }
        return new Step(startAt + toNanos(ms), decoding, prefilling,
                chunks.stream().mapToInt(Integer::intValue).toArray());
    }

    private void complete(Step done, List<Runnable> out) {
        long at = done.endsAt;
        for (Sequence s : done.decoding) {
            if (s.state == Sequence.State.DECODE) {
                stats.itl.observe((at - s.lastTokenAt) / NANOS_PER_SECOND);
                emitToken(s, at, out);
            }
        }
        for (int i = 0; i < done.prefilling.size(); i++) {
            Sequence s = done.prefilling.get(i);
            if (s.state != Sequence.State.PREFILL) {
                continue; // aborted meanwhile
            }
            s.prefilled += done.chunks[i];
            registerFullBlocks(s, s.request.promptTokens().length, s.promptBlockHashes, s.prefilled);
            if (s.remainingPrefill() == 0) {
                s.state = Sequence.State.DECODE;
                stats.promptTokens += s.promptLength;
                stats.ttft.observe((at - s.arrivedAt) / NANOS_PER_SECOND);
                emitToken(s, at, out);
            }
        }
    }

    private void emitToken(Sequence s, long at, List<Runnable> out) {
        String piece = s.nextToken();
        s.lastTokenAt = at;
        stats.generationTokens++;
        GenerationListener.Token token = s.generated == s.targetLength
                ? finish(s, piece, at)
                : new GenerationListener.Token(piece, s.generated - 1, null, null);
        GenerationListener listener = s.listener;
        out.add(() -> listener.onToken(token));
    }

    private GenerationListener.Token finish(Sequence s, String piece, long at) {
        long[] all = s.allTokens();
        long[] hashes = BlockHasher.fullBlockHashes(all, all.length, settings.blockSize());
        registerFullBlocks(s, all.length, hashes, all.length);
        kv.release(s.blocks);
        running.remove(s);
        live.remove(s.id);
        s.state = Sequence.State.DONE;
        stats.finished(s.naturalEnd);
        stats.e2e.observe((at - s.arrivedAt) / NANOS_PER_SECOND);
        Usage usage = new Usage(s.promptLength, s.generated, s.blocks.cachedTokens());
        return new GenerationListener.Token(piece, s.generated - 1, s.naturalEnd, usage);
    }

    /** Makes the blocks whose tokens are all computed shareable by later prompts. */
    private void registerFullBlocks(Sequence s, int length, long[] hashes, int computed) {
        int full = Math.min(computed, length) / settings.blockSize();
        while (s.registeredBlocks < full && s.registeredBlocks < hashes.length) {
            kv.register(s.blocks, hashes[s.registeredBlocks]);
            s.registeredBlocks++;
        }
    }

    private static long toNanos(double ms) {
        return Math.round(ms * NANOS_PER_MS);
    }
}
