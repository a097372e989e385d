package com.langomni.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.awaitility.Awaitility;

/** N {@link CrowdPlayer}s, half on each gateway, playing one drill at a time. */
final class Crowd {
    final List<CrowdPlayer> players;

    private Crowd(List<CrowdPlayer> players) {
        this.players = players;
    }

    /** Registers {@code size} players named {@code <prefix>01..} and connects them, alternately to a and b. */
    static Crowd join(Api api, String prefix, int size, ServiceProcess a, ServiceProcess b) {
        List<CrowdPlayer> players = new ArrayList<>();
        for (int i = 1; i <= size; i++) {
            String name = prefix + String.format("%02d", i);
            Api.Response r = api.register(name, name.toLowerCase() + "-secret-1");
            assertEquals(201, r.status(), r.body().toString());
            CrowdPlayer p = new CrowdPlayer(name, r.body().path("playerId").asText(), r.body().path("token").asText(),
                    i % 2 == 1 ? a : b, i);
            p.connect();
            assertTrue(p.connected(), name + " connects");
            players.add(p);
        }
        return new Crowd(players);
    }

    void play(String drill) {
        players.forEach(p -> p.play(drill));
    }

    List<CrowdPlayer> on(ServiceProcess gateway) {
        return players.stream().filter(p -> p.gateway() == gateway).toList();
    }

    /** Waits until every player has had {@code more} more results than at the call (they are playing). */
    void awaitProgress(String what, int more, Duration within) {
        awaitProgress(what, players, more, within);
    }

    static void awaitProgress(String what, List<CrowdPlayer> who, int more, Duration within) {
        Map<CrowdPlayer, Integer> from = new HashMap<>();
        who.forEach(p -> from.put(p, p.results()));
        Predicate<CrowdPlayer> done = p -> p.results() >= from.get(p) + more;
        Awaitility.await(what).atMost(within).pollInterval(Duration.ofMillis(100))
                .failFast("a crowd player failed", () -> who.stream().anyMatch(p -> p.failure() != null))
                .until(() -> who.stream().allMatch(done));
    }

    /** Every player finishes its action in flight (to a final answer) and stops. */
    void stop(Duration within) throws InterruptedException {
        players.forEach(CrowdPlayer::stop);
        long deadline = System.nanoTime() + within.toNanos();
        for (CrowdPlayer p : players) {
            Duration left = Duration.ofNanos(Math.max(1_000_000, deadline - System.nanoTime()));
            assertTrue(p.awaitStopped(left), p.name + " still has an action without a final answer");
            if (p.failure() != null) {
                throw new AssertionError(p.name + " failed", p.failure());
            }
        }
    }
}
