package com.langomni.simulator.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class EngineTest {
    private final FakeClock clock = new FakeClock();

    private static GenerationRequest request(int promptTokens, int maxTokens) {
        return request(LongStream.range(0, promptTokens).toArray(), maxTokens);
    }

    private static GenerationRequest request(long[] prompt, int maxTokens) {
        return new GenerationRequest(prompt, maxTokens, true, GenerationRequest.seedOf(prompt));
    }

    /** Jumps the fake clock from event to event until the engine has nothing left to do. */
    private void runUntilIdle(Engine engine) {
        for (int guard = 0; guard < 1_000_000; guard++) {
            OptionalLong next = engine.advance();
            if (next.isEmpty()) {
                return;
            }
            clock.set(next.getAsLong());
        }
        throw new AssertionError("engine never went idle");
    }

    /** Plays events until the clock reaches {@code untilNanos}. */
    private void runUntil(Engine engine, long untilNanos) {
        while (true) {
            OptionalLong next = engine.advance();
            if (next.isEmpty() || next.getAsLong() > untilNanos) {
                clock.set(Math.max(clock.nanoTime(), untilNanos));
                engine.advance();
                return;
            }
            clock.set(next.getAsLong());
        }
    }

    @Test
    void singleRequestTimingFollowsTheModel() {
        Engine engine = new Engine(new TestSettings().build(), clock);
        Recorder r = new Recorder(clock);
        engine.submit(request(200, 5), r);
        runUntilIdle(engine);

        // overhead 5 + one step: base 10 + 1 sequence × 1 + 200 prompt tokens × 0.1
        assertEquals(5 + 10 + 1 + 20, r.ttftMs(), 1e-6);
        for (int i = 1; i < 5; i++) {
            assertEquals(11, r.itlMs(i), 1e-6);
        }
        assertEquals(FinishReason.LENGTH, r.finish);
        assertEquals(new Usage(200, 5, 0), r.usage);
    }

    @Test
    void continuousBatchingSlowsInterTokenLatencyAsMoreSequencesRun() {
        Engine engine = new Engine(new TestSettings().build(), clock);
        Recorder alone = new Recorder(clock);
        engine.submit(request(32, 20), alone);
        runUntilIdle(engine);

        List<Recorder> crowd = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Recorder r = new Recorder(clock);
            crowd.add(r);
            engine.submit(request(LongStream.range(i * 1000L, i * 1000L + 32).toArray(), 20), r);
        }
        runUntilIdle(engine);

        assertEquals(10 + 1, alone.itlMs(10), 1e-6);
        for (Recorder r : crowd) {
            assertEquals(10 + 8, r.itlMs(10), 1e-6, "eight sequences share every decode step");
            assertEquals(20, r.tokenTimes.size());
        }
    }

    @Test
    void requestsBeyondMaxNumSeqsWaitInFifoOrder() {
        TestSettings s = new TestSettings();
        s.maxNumSeqs = 2;
        Engine engine = new Engine(s.build(), clock);
        List<Recorder> recorders = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Recorder r = new Recorder(clock);
            recorders.add(r);
            engine.submit(request(LongStream.range(i * 100L, i * 100L + 16).toArray(), 10), r);
        }
        runUntil(engine, clock.nanoTime() + 6_000_000L);
        EngineSnapshot busy = engine.snapshot();
        assertEquals(2, busy.running());
        assertEquals(1, busy.waiting());

        runUntilIdle(engine);
        long firstDone = recorders.get(0).tokenTimes.get(9);
        assertTrue(recorders.get(2).tokenTimes.get(0) > firstDone, "the third starts only after a slot frees");
        assertTrue(recorders.get(2).ttftMs() > 2 * recorders.get(0).ttftMs());
        EngineSnapshot idle = engine.snapshot();
        assertEquals(0, idle.running());
        assertEquals(0, idle.waiting());
        assertEquals(3L, idle.finished().get(FinishReason.LENGTH));
        assertTrue(idle.queueTime().sum() > 0, "queue time is measured");
    }

    @Test
    void aFullQueueRefusesNewRequests() {
        TestSettings s = new TestSettings();
        s.maxNumSeqs = 1;
        s.maxQueue = 1;
        Engine engine = new Engine(s.build(), clock);
        assertTrue(engine.submit(request(16, 4), new Recorder(clock)).isPresent(), "takes the free slot");
        assertTrue(engine.submit(request(16, 4), new Recorder(clock)).isPresent(), "queues one");
        assertTrue(engine.submit(request(16, 4), new Recorder(clock)).isEmpty(), "queue full");
        runUntilIdle(engine);
        assertTrue(engine.submit(request(16, 4), new Recorder(clock)).isPresent(), "room again once drained");
    }

    @Test
    void kvCacheCapacityHoldsRequestsBackEvenWithFreeSlots() {
        TestSettings s = new TestSettings();
        s.kvCacheBlocks = 10;
        s.maxModelLen = 160;
        Engine engine = new Engine(s.build(), clock);
        Recorder first = new Recorder(clock);
        Recorder second = new Recorder(clock);
        engine.submit(request(LongStream.range(0, 96).toArray(), 32), first);      // 8 of 10 blocks
        engine.submit(request(LongStream.range(500, 596).toArray(), 32), second);  // needs 8 more
        runUntil(engine, clock.nanoTime() + 30_000_000L);
        EngineSnapshot snapshot = engine.snapshot();
        assertEquals(1, snapshot.running());
        assertEquals(1, snapshot.waiting());
        assertEquals(0.8, snapshot.kvCacheUsage(), 1e-9);

        runUntilIdle(engine);
        assertTrue(second.tokenTimes.get(0) > first.tokenTimes.get(31));
        assertEquals(0, engine.snapshot().kvCacheUsage(), 1e-9);
    }

    @Test
    void aCachedPromptPrefixShortensTimeToFirstToken() {
        Engine engine = new Engine(new TestSettings().build(), clock);
        long[] systemPrefix = LongStream.range(0, 800).toArray();
        long[] first = concat(systemPrefix, LongStream.range(10_000, 10_100).toArray());
        long[] second = concat(systemPrefix, LongStream.range(20_000, 20_100).toArray());

        Recorder cold = new Recorder(clock);
        engine.submit(request(first, 4), cold);
        runUntilIdle(engine);
        Recorder warm = new Recorder(clock);
        engine.submit(request(second, 4), warm);
        runUntilIdle(engine);

        assertEquals(0, cold.usage.cachedTokens());
        assertEquals(800, warm.usage.cachedTokens(), "the 50 full blocks of the shared prefix");
        assertEquals(5 + 11 + 900 * 0.1, cold.ttftMs(), 1e-6);
        assertEquals(5 + 11 + 100 * 0.1, warm.ttftMs(), 1e-6);
        EngineSnapshot snapshot = engine.snapshot();
        assertEquals(1800, snapshot.prefixCacheQueries());
        assertEquals(800, snapshot.prefixCacheHits());
    }

    @Test
    void aNextChatTurnHitsTheCacheThroughThePreviousAnswer() {
        Engine engine = new Engine(new TestSettings().build(), clock);
        List<ChatTemplate.Message> turn = new ArrayList<>(List.of(
                new ChatTemplate.Message("system", "You are Mara the smith. " + "Iron and fire and patience. ".repeat(30)),
                new ChatTemplate.Message("user", "Good morning, can you mend my blade?")));
        long[] prompt1 = ChatTemplate.renderChat(turn);
        Recorder r1 = new Recorder(clock);
        engine.submit(new GenerationRequest(prompt1, 40, true, 1), r1);
        runUntilIdle(engine);

        turn.add(new ChatTemplate.Message("assistant", r1.text.toString()));
        turn.add(new ChatTemplate.Message("user", "How much will it cost?"));
        long[] prompt2 = ChatTemplate.renderChat(turn);
        Recorder r2 = new Recorder(clock);
        engine.submit(new GenerationRequest(prompt2, 8, true, 2), r2);
        runUntilIdle(engine);

        int reusable = (prompt1.length + 40) / 16 * 16;
        assertEquals(reusable, r2.usage.cachedTokens(), "prompt and answer blocks of turn one are reused");
    }

    @Test
    void leastRecentlyUsedPrefixesAreEvictedFirst() {
        TestSettings s = new TestSettings();
        s.kvCacheBlocks = 20;
        s.maxModelLen = 160;
        Engine engine = new Engine(s.build(), clock);
        long[] a = LongStream.range(0, 129).toArray();        // 8 full blocks + 1 token
        long[] b = LongStream.range(1000, 1129).toArray();
        long[] c = LongStream.range(2000, 2129).toArray();
        for (long[] prompt : List.of(a, b)) {
            engine.submit(request(prompt, 1), new Recorder(clock));
            runUntilIdle(engine);
        }
        Recorder aAgain = new Recorder(clock);
        engine.submit(request(a, 1), aAgain);                 // touches a: b is now the oldest
        runUntilIdle(engine);
        assertEquals(128, aAgain.usage.cachedTokens());

        engine.submit(request(c, 1), new Recorder(clock));    // 9 blocks: 4 empty, 5 evicted from b
        runUntilIdle(engine);
        Recorder bAgain = new Recorder(clock);
        engine.submit(request(b, 1), bAgain);
        runUntilIdle(engine);
        assertEquals(48, bAgain.usage.cachedTokens(), "b was least recent; its tail went first, its head survives");

        Recorder aThird = new Recorder(clock);                // b's return evicted a's tail in turn
        engine.submit(request(a, 1), aThird);
        runUntilIdle(engine);
        assertEquals(48, aThird.usage.cachedTokens());
        assertTrue(aThird.ttftMs() > aAgain.ttftMs(), "recomputing evicted blocks costs prefill time");
    }

    @Test
    void longPromptsArePrefilledInChunksAndSlowRunningDecodes() {
        TestSettings s = new TestSettings();
        s.maxNumBatchedTokens = 256;
        Engine engine = new Engine(s.build(), clock);
        Recorder decoding = new Recorder(clock);
        engine.submit(request(16, 30), decoding);
        runUntil(engine, clock.nanoTime() + 40_000_000L);
        int before = decoding.tokenTimes.size();
        Recorder longPrompt = new Recorder(clock);
        engine.submit(request(LongStream.range(5000, 5000 + 1000).toArray(), 2), longPrompt);
        runUntilIdle(engine);

        double slowest = 0;
        for (int i = before; i < decoding.tokenTimes.size(); i++) {
            slowest = Math.max(slowest, decoding.itlMs(i));
        }
        // a step carrying 255 prompt tokens: 10 + 2 × 1 + 255 × 0.1
        assertEquals(10 + 2 + 25.5, slowest, 1e-6);
        // 1000 tokens at ≤ 255 a step: four steps before the first token
        assertTrue(longPrompt.ttftMs() > 4 * 11, "chunked over several steps");
    }

    @Test
    void answersStopOnTheirOwnBeforeMaxTokensUnlessIgnoreEos() {
        TestSettings s = new TestSettings();
        s.meanOutputTokens = 10;
        Engine engine = new Engine(s.build(), clock);
        long[] prompt = LongStream.range(0, 20).toArray();
        Recorder natural = new Recorder(clock);
        engine.submit(new GenerationRequest(prompt, 100, false, 3), natural);
        Recorder forced = new Recorder(clock);
        engine.submit(new GenerationRequest(prompt, 100, true, 3), forced);
        runUntilIdle(engine);

        assertEquals(FinishReason.STOP, natural.finish);
        assertTrue(natural.usage.completionTokens() >= 5 && natural.usage.completionTokens() <= 15);
        assertEquals(FinishReason.LENGTH, forced.finish);
        assertEquals(100, forced.usage.completionTokens());
        assertEquals(natural.usage.completionTokens(), Tokenizer.tokenize(natural.text.toString()).size(),
                "the text re-tokenizes to the reported count");
    }

    @Test
    void abortFreesTheSlotAndTheBlocks() {
        Engine engine = new Engine(new TestSettings().build(), clock);
        Recorder r = new Recorder(clock);
        long id = engine.submit(request(64, 50), r).getAsLong();
        runUntil(engine, clock.nanoTime() + 50_000_000L);
        assertEquals(1, engine.snapshot().running());
        assertTrue(engine.snapshot().kvCacheUsage() > 0);

        engine.abort(id);
        runUntilIdle(engine);
        EngineSnapshot snapshot = engine.snapshot();
        assertEquals(0, snapshot.running());
        assertEquals(0, snapshot.kvCacheUsage(), 1e-9);
        assertEquals(1L, snapshot.finished().get(FinishReason.ABORT));
        assertNull(r.finish, "an aborted sequence gets no finish");
        assertTrue(r.tokenTimes.size() < 50);
    }

    @Test
    void jitterVariesStepsWithinItsBand() {
        TestSettings s = new TestSettings();
        s.jitter = 0.2;
        s.perSeqItlMs = 0;
        Engine engine = new Engine(s.build(), clock);
        Recorder r = new Recorder(clock);
        engine.submit(request(16, 50), r);
        runUntilIdle(engine);
        double min = Double.MAX_VALUE;
        double max = 0;
        for (int i = 1; i < 50; i++) {
            min = Math.min(min, r.itlMs(i));
            max = Math.max(max, r.itlMs(i));
        }
        assertTrue(min >= 8 && max <= 12, "within ±20 % of 10 ms");
        assertTrue(max - min > 1, "and not constant");
    }

    @Test
    void metricsCountTokensAndLatencies() {
        Engine engine = new Engine(new TestSettings().build(), clock);
        engine.submit(request(100, 10), new Recorder(clock));
        runUntilIdle(engine);
        EngineSnapshot s = engine.snapshot();
        assertEquals(100, s.promptTokens());
        assertEquals(10, s.generationTokens());
        assertEquals(1, s.timeToFirstToken().count());
        assertEquals(9, s.interTokenLatency().count());
        assertEquals(1, s.e2eLatency().count());
        assertEquals((5 + 11 + 10) / 1000.0, s.timeToFirstToken().sum(), 1e-9);
    }

    @Test
    void aFailingListenerDoesNotStarveTheOthers() {
        Engine engine = new Engine(new TestSettings().build(), clock);
        engine.submit(request(16, 3), token -> {
            throw new IllegalStateException("broken client");
        });
        Recorder healthy = new Recorder(clock);
        engine.submit(request(LongStream.range(100, 116).toArray(), 3), healthy);
        for (int i = 0; i < 100 && healthy.finish == null; i++) {
            try {
                runUntilIdle(engine);
            } catch (IllegalStateException expected) {
                // reported to the caller after every delivery of the step was made
            }
        }
        assertEquals(3, healthy.tokenTimes.size());
        assertEquals(0, engine.snapshot().running());
    }

    @Test
    void refusesWhatTheContextWindowCheckShouldHaveCaught() {
        Engine engine = new Engine(new TestSettings().build(), clock);
        assertThrows(IllegalArgumentException.class, () -> engine.submit(request(2000, 100), new Recorder(clock)));
        assertFalse(engine.advance().isPresent());
    }

    @Test
    void profilesAreValidAndDistinct() {
        for (Profile p : Profile.values()) {
            assertNotNull(p.settings());
            assertEquals(p, Profile.byId(p.id()));
        }
        assertTrue(Profile.WORLD_70B.settings().baseItlMs() > Profile.NPC_8B.settings().baseItlMs());
        assertEquals(0, Profile.FAST.settings().baseItlMs());
        assertThrows(IllegalArgumentException.class, () -> Profile.byId("gpt-5"));
    }

    private static long[] concat(long[] a, long[] b) {
        long[] out = new long[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
