package com.langomni.world.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.langomni.world.service.AdmissionQueue;
import com.langomni.world.service.Priority;
import com.langomni.world.service.Slots.Grant;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The backend-wide limit against the project's test Redis (127.0.0.1:26379, db 8 as world-llm's %test profile;
 * {@code scripts/infra.sh start test}): two admission queues standing for two replicas, leases that expire, and
 * Redis down or hung.
 */
class RedisSlotsTest {
    /** The test Redis as %test names it, or as a run with its own instances overrides it. */
    private static final String URL = Optional.ofNullable(System.getenv("_TEST_QUARKUS_REDIS_HOSTS"))
            .orElse("redis://127.0.0.1:26379/8");

    private Vertx vertx;
    private Redis redis;
    private String key;

    @BeforeEach
    void connect() {
        vertx = Vertx.vertx();
        redis = Redis.createClient(vertx, URL);
        key = "langomni:world-llm:test-leases:" + UUID.randomUUID();
    }

    @AfterEach
    void close() {
        redis.send(Request.cmd(Command.DEL).arg(key)).await().atMost(Duration.ofSeconds(5));
        redis.close();
        vertx.closeAndAwait();
    }

    @Test
    void twoReplicasSharingOneRedisNeverRunMoreThanTheLimitTogether() throws Exception {
        int limit = 3;
        // each replica alone would admit 3: together they must stay at 3
        AdmissionQueue a = replica(limit);
        AdmissionQueue b = replica(limit);
        AtomicInteger open = new AtomicInteger();
        AtomicInteger maxOpen = new AtomicInteger();
        AtomicInteger admitted = new AtomicInteger();
        int requests = 300;
        CountDownLatch done = new CountDownLatch(requests);
        for (int i = 0; i < requests; i++) {
            AdmissionQueue replica = i % 2 == 0 ? a : b;
            AdmissionQueue.Ticket t = replica.enter(i % 3 == 0 ? Priority.HIGH : Priority.NORMAL);
            t.admitted().whenComplete((ok, failure) -> {
                if (failure != null) {
                    t.release();
                    done.countDown();
                    return;
                }
                admitted.incrementAndGet();
                maxOpen.accumulateAndGet(open.incrementAndGet(), Math::max);
                vertx.setTimer(1 + ThreadLocalRandom.current().nextInt(5), id -> { // a short stream
                    open.decrementAndGet();
                    t.release();
                    done.countDown();
                });
            });
            if (i % 20 == 19) { // arrivals in bursts, so queues form and drain
                Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> a.queued() + b.queued() == 0);
            }
        }
        assertTrue(done.await(60, TimeUnit.SECONDS), "every request got an answer");
        assertTrue(maxOpen.get() <= limit, "streams open at once across both replicas: " + maxOpen.get());
        assertTrue(maxOpen.get() >= 2, "they did run together: " + maxOpen.get());
        assertTrue(a.admitted(Priority.HIGH) + a.admitted(Priority.NORMAL) > 0);
        assertTrue(b.admitted(Priority.HIGH) + b.admitted(Priority.NORMAL) > 0);
        assertEquals(0, a.localOnlyAdmissions() + b.localOnlyAdmissions(), "Redis answered every time");
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> leases() == 0); // the last ZREMs
        assertEquals(0, a.running() + b.running());
    }

    @Test
    void aReleasedLeaseFreesTheSlotForAnotherReplica() {
        RedisSlots one = slots(1, Duration.ofSeconds(30), URL, Duration.ofMillis(500));
        RedisSlots other = slots(1, Duration.ofSeconds(30), URL, Duration.ofMillis(500));
        assertEquals(Grant.TAKEN, take(one, "one:1"));
        assertEquals(Grant.FULL, take(other, "other:1"));
        one.give("one:1").toCompletableFuture().join();
        assertEquals(Grant.TAKEN, take(other, "other:1"));
        assertEquals("redis", other.mode());
    }

    @Test
    void aCrashedReplicasLeasesExpireAndTheirSlotsComeBack() {
        RedisSlots crashed = slots(2, Duration.ofMillis(300), URL, Duration.ofMillis(500));
        assertEquals(Grant.TAKEN, take(crashed, "crashed:1"));
        assertEquals(Grant.TAKEN, take(crashed, "crashed:2"));
        // never released
        RedisSlots survivor = slots(2, Duration.ofSeconds(30), URL, Duration.ofMillis(500));
        assertEquals(Grant.FULL, take(survivor, "survivor:1"));
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> take(survivor, "survivor:1") == Grant.TAKEN);
    }

    @Test
    void redisDownIsUnavailableSoTheLocalLimitDecidesAndRedisIsLeftAloneForAWhile() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        AtomicLong now = new AtomicLong(1_000);
        RedisSlots down = new RedisSlots(Redis.createClient(vertx, "redis://127.0.0.1:" + closedPort),
                key, 1, Duration.ofSeconds(30), Duration.ofSeconds(5), Duration.ofSeconds(2), now::get);
        assertEquals(Grant.UNAVAILABLE, take(down, "x:1"));
        assertEquals("local", down.mode());
        assertTrue(down.take("x:2").toCompletableFuture().isDone(), "no Redis call while it is known to be down");
        assertTrue(down.give("x:1").toCompletableFuture().isDone());
        now.addAndGet(2_001);
        assertEquals(Grant.UNAVAILABLE, take(down, "x:3"), "asked again after retry-after, still down");

        AdmissionQueue replica = new AdmissionQueue(2, 1, 1, down, (d, task) -> vertx.setTimer(1, id -> task.run()),
                Duration.ofMillis(10));
        AdmissionQueue.Ticket t1 = replica.enter(Priority.NORMAL);
        AdmissionQueue.Ticket t2 = replica.enter(Priority.NORMAL);
        Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> t1.admitted().isDone() && t2.admitted().isDone());
        assertEquals(2, replica.running(), "the local limit (2), not the backend's (1)");
        assertEquals(2, replica.localOnlyAdmissions());
    }

    @Test
    void aRedisThatNeverAnswersIsUnavailableWithinTheTimeout() throws Exception {
        try (ServerSocket silent = new ServerSocket(0)) {
            List<Socket> accepted = new ArrayList<>();
            Thread acceptor = new Thread(() -> {
                try {
                    while (!silent.isClosed()) {
                        accepted.add(silent.accept()); // accepts, never answers
                    }
                } catch (IOException closed) {
                    // test over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            RedisSlots hung = slots(1, Duration.ofSeconds(30), "redis://127.0.0.1:" + silent.getLocalPort(),
                    Duration.ofMillis(200));
            long start = System.nanoTime();
            assertEquals(Grant.UNAVAILABLE, take(hung, "h:1"));
            assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5), "bounded by the timeout");
            assertEquals("local", hung.mode());
            for (Socket s : accepted) {
                s.close();
            }
        }
    }

    private AdmissionQueue replica(int limit) {
        RedisSlots slots = slots(limit, Duration.ofSeconds(30), URL, Duration.ofSeconds(2));
        return new AdmissionQueue(limit, 8, 4, slots, (d, task) -> vertx.setTimer(Math.max(d.toMillis(), 1),
                id -> task.run()), Duration.ofMillis(5));
    }

    private RedisSlots slots(int limit, Duration lease, String url, Duration timeout) {
        Redis client = url.equals(URL) ? redis : Redis.createClient(vertx, url);
        return new RedisSlots(client, key, limit, lease, timeout, Duration.ofSeconds(2), System::currentTimeMillis);
    }

    private static Grant take(RedisSlots slots, String holder) {
        return slots.take(holder).toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
    }

    private long leases() {
        return redis.send(Request.cmd(Command.ZCARD).arg(key)).await().atMost(Duration.ofSeconds(5)).toLong();
    }
}
