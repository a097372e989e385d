package com.langomni.world.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

class AdmissionQueueTest {
    private static final Priority HIGH = Priority.HIGH;
    private static final Priority NORMAL = Priority.NORMAL;

    @Test
    void slotsFirstComeFirstServedThenHighQueuesToTheCapAndNormalOnlyToItsShare() {
        AdmissionQueue q = new AdmissionQueue(2, 3, 1);
        AdmissionQueue.Ticket a = q.enter(NORMAL);
        AdmissionQueue.Ticket b = q.enter(NORMAL);
        assertTrue(a.admitted().isDone() && b.admitted().isDone(), "free slots go to whoever comes, normal too");
        AdmissionQueue.Ticket n1 = q.enter(NORMAL);
        assertFalse(n1.admitted().isDone(), "one normal may wait");
        AdmissionQueue.Ticket n2 = q.enter(NORMAL);
        assertTrue(n2.refused(), "a second normal finds its share of the queue taken");
        assertBusy(n2);
        AdmissionQueue.Ticket h1 = q.enter(HIGH);
        AdmissionQueue.Ticket h2 = q.enter(HIGH);
        assertFalse(h1.refused() || h2.refused(), "high waits up to max-queued");
        assertTrue(q.enter(HIGH).refused(), "the queue is full for everyone");
        assertTrue(q.enter(NORMAL).refused());
        assertEquals(2, q.running());
        assertEquals(2, q.queued(HIGH));
        assertEquals(1, q.queued(NORMAL));
        assertEquals(2, q.admitted(NORMAL));
        assertEquals(0, q.admitted(HIGH));
        assertEquals(2, q.refused(NORMAL));
        assertEquals(1, q.refused(HIGH));
    }

    @Test
    void aFreedSlotGoesToTheOldestHighWaiterBeforeAnyNormalOne() {
        AdmissionQueue q = new AdmissionQueue(1, 4, 4);
        AdmissionQueue.Ticket running = q.enter(NORMAL);
        AdmissionQueue.Ticket n1 = q.enter(NORMAL);
        AdmissionQueue.Ticket h1 = q.enter(HIGH);
        AdmissionQueue.Ticket n2 = q.enter(NORMAL);
        AdmissionQueue.Ticket h2 = q.enter(HIGH);
        List<AdmissionQueue.Ticket> order = new ArrayList<>();
        for (AdmissionQueue.Ticket t : List.of(n1, h1, n2, h2)) {
            t.admitted().thenRun(() -> order.add(t));
        }
        running.release();
        h1.release(); // released after its stream
        h2.release();
        n1.release();
        n2.release();
        assertEquals(List.of(h1, h2, n1, n2), order, "high first, first come first served within a priority");
        assertEquals(0, q.running());
        assertEquals(0, q.queued());
    }

    @Test
    void leavingTheQueueFreesThePlaceAndReleasingTwiceCountsOnce() {
        AdmissionQueue q = new AdmissionQueue(1, 1, 1);
        AdmissionQueue.Ticket a = q.enter(HIGH);
        AdmissionQueue.Ticket b = q.enter(HIGH);
        b.release(); // its deadline passed while it waited
        assertEquals(0, q.queued());
        a.release();
        a.release();
        assertEquals(0, q.running());
        assertFalse(b.admitted().isDone(), "a ticket that left is never admitted");
        assertTrue(q.enter(NORMAL).admitted().isDone());
        assertEquals(1, q.running());
        assertFalse(q.enter(HIGH).refused(), "the place in the queue is free again");
        assertEquals(1, q.queued());
    }

    @Test
    void releasingARefusedTicketChangesNothing() {
        AdmissionQueue q = new AdmissionQueue(1, 0, 0);
        AdmissionQueue.Ticket a = q.enter(HIGH);
        AdmissionQueue.Ticket refused = q.enter(HIGH);
        assertTrue(refused.refused());
        refused.release();
        assertEquals(1, q.running());
        a.release();
        assertEquals(0, q.running());
    }

    @Test
    void aZeroNormalShareStillAdmitsNormalRequestsToFreeSlots() {
        AdmissionQueue q = new AdmissionQueue(1, 2, 0);
        assertTrue(q.enter(NORMAL).admitted().isDone());
        assertTrue(q.enter(NORMAL).refused(), "no normal waits");
        assertFalse(q.enter(HIGH).refused());
    }

    @Test
    void theNormalShareIsCappedByTheQueue() {
        AdmissionQueue q = new AdmissionQueue(1, 1, 5);
        assertEquals(1, q.maxQueuedNormal());
    }

    @Test
    void nonsenseLimitsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new AdmissionQueue(0, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new AdmissionQueue(1, -1, 0));
        assertThrows(IllegalArgumentException.class, () -> new AdmissionQueue(1, 1, -1));
    }

    // --- slots shared with other replicas

    @Test
    void whenOtherReplicasHoldTheSlotsWaitersRetryOnThePoll() {
        SharedSlots shared = new SharedSlots(1);
        ManualTimer timer = new ManualTimer();
        AdmissionQueue q = new AdmissionQueue(4, 4, 4, shared, timer, Duration.ofMillis(50));
        shared.taken.set(1); // another replica's stream
        AdmissionQueue.Ticket h = q.enter(HIGH);
        assertFalse(h.admitted().isDone(), "the backend is full although this replica runs nothing");
        assertEquals(1, timer.pending.size(), "a retry is scheduled");
        assertEquals(Duration.ofMillis(50), timer.delays.get(0));
        timer.runAll();
        assertFalse(h.admitted().isDone());
        assertEquals(1, timer.pending.size(), "and scheduled again while it waits");
        shared.taken.set(0); // the other replica's stream ended
        timer.runAll();
        assertTrue(h.admitted().isDone());
        assertEquals(1, shared.taken.get());
        assertTrue(timer.pending.isEmpty(), "nobody waits: no more polling");
        h.release();
        assertEquals(0, shared.taken.get(), "the shared slot is given back");
    }

    @Test
    void aSlotFreedHereIsTriedAtOnceForTheNextInLine() {
        SharedSlots shared = new SharedSlots(1);
        ManualTimer timer = new ManualTimer();
        AdmissionQueue q = new AdmissionQueue(4, 4, 4, shared, timer, Duration.ofMillis(50));
        AdmissionQueue.Ticket a = q.enter(NORMAL);
        AdmissionQueue.Ticket b = q.enter(HIGH);
        assertTrue(a.admitted().isDone());
        assertFalse(b.admitted().isDone());
        a.release();
        assertTrue(b.admitted().isDone(), "no poll needed");
        assertEquals(1, shared.taken.get());
    }

    @Test
    void aBurstIntoFreeSlotsIsNotRefusedWhileTheSharedCountIsBeingAsked() {
        SharedSlots shared = new SharedSlots(4);
        shared.manual = true; // Redis has not answered yet
        AdmissionQueue q = new AdmissionQueue(2, 1, 1, shared, new ManualTimer(), Duration.ofMillis(50));
        AdmissionQueue.Ticket a = q.enter(NORMAL);
        AdmissionQueue.Ticket b = q.enter(NORMAL);
        AdmissionQueue.Ticket c = q.enter(NORMAL);
        assertFalse(a.refused() || b.refused() || c.refused(), "two on their way to free slots, one waiting");
        assertTrue(q.enter(NORMAL).refused(), "the normal share (1) is taken");
        while (!shared.pending.isEmpty()) {
            shared.answerAll();
        }
        assertTrue(a.admitted().isDone() && b.admitted().isDone());
        assertFalse(c.admitted().isDone(), "the local limit (2)");
    }

    @Test
    void aNormalRequestLetInForAFreeLookingSlotIsRefusedWhenTheBackendIsFullElsewhere() {
        SharedSlots shared = new SharedSlots(1);
        AdmissionQueue q = new AdmissionQueue(4, 4, 0, shared, new ManualTimer(), Duration.ofMillis(50));
        shared.taken.set(1);
        AdmissionQueue.Ticket n = q.enter(NORMAL);
        assertBusy(n);
        assertEquals(0, q.queued());
        assertEquals(1, q.refused(NORMAL));
        assertFalse(q.enter(HIGH).refused(), "a high one waits instead");
    }

    @Test
    void anUnreachableSharedCountFallsBackToTheLocalLimitAndCountsIt() {
        SharedSlots shared = new SharedSlots(1);
        shared.unavailable = true;
        AdmissionQueue q = new AdmissionQueue(2, 1, 1, shared, new ManualTimer(), Duration.ofMillis(50));
        AdmissionQueue.Ticket a = q.enter(NORMAL);
        AdmissionQueue.Ticket b = q.enter(NORMAL);
        AdmissionQueue.Ticket c = q.enter(NORMAL);
        assertTrue(a.admitted().isDone() && b.admitted().isDone(), "the local limit (2) decides");
        assertFalse(c.admitted().isDone());
        assertEquals(2, q.localOnlyAdmissions());
        a.release();
        assertTrue(c.admitted().isDone());
        assertEquals(0, shared.given.get(), "nothing to give back for a slot the shared count never had");
    }

    @Test
    void aTakeThatThrowsCountsAsUnreachable() {
        Slots broken = new Slots() {
            @Override
            public CompletionStage<Grant> take(String holder) {
                throw new IllegalStateException("boom");
            }

            @Override
            public CompletionStage<Void> give(String holder) {
                return CompletableFuture.completedFuture(null);
            }

            @Override
            public String mode() {
                return "local";
            }
        };
        AdmissionQueue q = new AdmissionQueue(1, 1, 1, broken, new ManualTimer(), Duration.ofMillis(50));
        assertTrue(q.enter(HIGH).admitted().isDone());
        assertEquals(1, q.localOnlyAdmissions());
    }

    @Test
    void aWaiterThatLeavesWhileItsSharedSlotIsBeingTakenGivesItBack() {
        SharedSlots shared = new SharedSlots(1);
        shared.manual = true;
        AdmissionQueue q = new AdmissionQueue(1, 1, 1, shared, new ManualTimer(), Duration.ofMillis(50));
        AdmissionQueue.Ticket a = q.enter(HIGH);
        assertEquals(1, shared.pending.size(), "the shared count is being asked");
        a.release(); // cancelled meanwhile
        shared.answerAll();
        assertFalse(a.admitted().isDone());
        assertEquals(0, shared.taken.get(), "the slot taken for it went back");
        assertEquals(0, q.running());
        AdmissionQueue.Ticket b = q.enter(HIGH);
        shared.answerAll();
        assertTrue(b.admitted().isDone());
    }

    @Test
    void manyThreadsNeverRunMoreThanEitherLimitAndLeaveNothingBehind() throws Exception {
        ExecutorService redis = Executors.newFixedThreadPool(2); // answers come back on other threads
        ExecutorService players = Executors.newFixedThreadPool(8);
        ScheduledExecutorService streams = Executors.newScheduledThreadPool(2);
        try {
            SharedSlots shared = new SharedSlots(3);
            shared.executor = redis;
            AdmissionQueue q = new AdmissionQueue(2, 6, 2, shared, (d, task) -> redis.execute(task),
                    Duration.ofMillis(1));
            AtomicInteger maxLocal = new AtomicInteger();
            int requests = 4000;
            CountDownLatch done = new CountDownLatch(requests);
            Set<String> outcomes = ConcurrentHashMap.newKeySet();
            for (int i = 0; i < requests; i++) {
                players.execute(() -> {
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    AdmissionQueue.Ticket t = q.enter(random.nextBoolean() ? HIGH : NORMAL);
                    if (random.nextInt(5) == 0) { // gives up at once (deadline, cancel) whatever state it is in
                        t.release();
                        outcomes.add("left");
                        done.countDown();
                        return;
                    }
                    t.admitted().whenComplete((ok, failure) -> {
                        if (failure != null) {
                            outcomes.add("refused");
                            t.release();
                            done.countDown();
                            return;
                        }
                        maxLocal.accumulateAndGet(q.running(), Math::max);
                        outcomes.add("admitted");
                        streams.schedule(() -> { // a stream of up to 200 microseconds
                            t.release();
                            done.countDown();
                        }, ThreadLocalRandom.current().nextInt(200), TimeUnit.MICROSECONDS);
                    });
                });
            }
            assertTrue(done.await(60, TimeUnit.SECONDS), "every request got an answer");
            assertTrue(maxLocal.get() <= 2, "never more than this replica's limit: " + maxLocal.get());
            assertTrue(shared.maxTaken.get() <= 3, "never more than the backend's limit: " + shared.maxTaken.get());
            assertEquals(0, q.running());
            assertEquals(0, q.queued());
            assertTrue(outcomes.containsAll(Set.of("admitted", "refused", "left")), outcomes.toString());
            // the last give-backs may still be on their way
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> shared.taken.get() == 0);
        } finally {
            players.shutdownNow();
            streams.shutdownNow();
            redis.shutdownNow();
        }
    }

    private static void assertBusy(AdmissionQueue.Ticket t) {
        assertTrue(t.refused());
        ExecutionException e = assertThrows(ExecutionException.class, () -> t.admitted().get());
        assertInstanceOf(AdmissionQueue.Busy.class, e.getCause());
    }

    /** The backend's slots as other replicas share them; answers at once, on an executor, or when told. */
    static final class SharedSlots implements Slots {
        final int limit;
        final AtomicInteger taken = new AtomicInteger();
        final AtomicInteger maxTaken = new AtomicInteger();
        final AtomicInteger given = new AtomicInteger();
        final List<Runnable> pending = new ArrayList<>();
        volatile boolean unavailable;
        volatile boolean manual;
        volatile ExecutorService executor;

        SharedSlots(int limit) {
            this.limit = limit;
        }

        @Override
        public CompletionStage<Grant> take(String holder) {
            CompletableFuture<Grant> answer = new CompletableFuture<>();
            Runnable decide = () -> answer.complete(decide());
            if (manual) {
                pending.add(decide);
            } else if (executor != null) {
                executor.execute(decide);
            } else {
                decide.run();
            }
            return answer;
        }

        private Grant decide() {
            if (unavailable) {
                return Grant.UNAVAILABLE;
            }
            while (true) {
                int now = taken.get();
                if (now >= limit) {
                    return Grant.FULL;
                }
                if (taken.compareAndSet(now, now + 1)) {
                    maxTaken.accumulateAndGet(now + 1, Math::max);
                    return Grant.TAKEN;
                }
            }
        }

        void answerAll() {
            List<Runnable> all = new ArrayList<>(pending);
            pending.clear();
            all.forEach(Runnable::run);
        }

        @Override
        public CompletionStage<Void> give(String holder) {
            given.incrementAndGet();
            taken.decrementAndGet();
            if (executor != null) {
                return CompletableFuture.runAsync(() -> { }, executor);
            }
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public String mode() {
            return unavailable ? "local" : "redis";
        }
    }

    /** Runs scheduled retries when the test says so. */
    static final class ManualTimer implements AdmissionQueue.Timer {
        final List<Runnable> pending = new ArrayList<>();
        final List<Duration> delays = new ArrayList<>();

        @Override
        public synchronized void after(Duration delay, Runnable task) {
            delays.add(delay);
            pending.add(task);
        }

        synchronized void runAll() {
            List<Runnable> all = new ArrayList<>(pending);
            pending.clear();
            all.forEach(Runnable::run);
        }
    }
}
