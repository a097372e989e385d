package com.langomni.npc.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ReplicaRouterTest {
    private static final List<String> KEYS = IntStream.range(0, 400).mapToObj(i -> "npc-" + (i % 23) + ":p" + i)
            .toList();

    private final ReplicaRouter affinity = new ReplicaRouter(RoutingStrategy.AFFINITY, 4, 0.5, 4);

    private static List<ReplicaLoad> idle(int n) {
        return IntStream.rangeClosed(1, n).mapToObj(i -> new ReplicaLoad("npc-" + i, true, 0, 0)).toList();
    }

    private static List<ReplicaLoad> with(List<ReplicaLoad> replicas, ReplicaLoad changed) {
        return replicas.stream().map(r -> r.name().equals(changed.name()) ? changed : r).toList();
    }

    private String pick(ReplicaRouter router, String key, List<ReplicaLoad> replicas) {
        return router.route(key, replicas, Set.of()).orElseThrow().name();
    }

    private Map<String, String> placement(List<ReplicaLoad> replicas) {
        Map<String, String> placed = new HashMap<>();
        KEYS.forEach(k -> placed.put(k, pick(affinity, k, replicas)));
        return placed;
    }

    @Test
    void aConversationAlwaysGoesToTheSameReplica() {
        List<ReplicaLoad> replicas = idle(4);
        for (String key : KEYS.subList(0, 20)) {
            String first = pick(affinity, key, replicas);
            for (int i = 0; i < 5; i++) {
                Route route = affinity.route(key, replicas, Set.of()).orElseThrow();
                assertEquals(first, route.name());
                assertEquals(Route.Decision.AFFINITY, route.decision());
            }
        }
    }

    @Test
    void conversationsSpreadEvenlyOverReplicas() {
        Map<String, Integer> counts = new HashMap<>();
        placement(idle(4)).values().forEach(r -> counts.merge(r, 1, Integer::sum));
        assertEquals(4, counts.size());
        counts.values().forEach(c -> assertTrue(c > 60 && c < 140, "400 keys over 4 replicas: " + counts));
    }

    @Test
    void aReplicaLeavingMovesOnlyItsOwnConversationsAndTheyReturnWithIt() {
        List<ReplicaLoad> all = idle(4);
        Map<String, String> before = placement(all);
        List<ReplicaLoad> npc3Ejected = with(all, new ReplicaLoad("npc-3", false, 0, 0));
        Map<String, String> during = placement(npc3Ejected);
        for (String key : KEYS) {
            if (before.get(key).equals("npc-3")) {
                assertNotEquals("npc-3", during.get(key), "never routed to an ejected replica");
            } else {
                assertEquals(before.get(key), during.get(key), "a key not on npc-3 must stay put: " + key);
            }
        }
        assertEquals(before, placement(all), "readmitted: every key is back where it was");
    }

    @Test
    void theOrderOfTheReplicaListDoesNotMatter() {
        List<ReplicaLoad> reversed = new ArrayList<>(idle(4));
        Collections.reverse(reversed);
        assertEquals(placement(idle(4)), placement(reversed));
    }

    @Test
    void anOverloadedPreferredReplicaIsBypassedForTheLeastLoaded() {
        String key = KEYS.get(0);
        String preferred = pick(affinity, key, idle(4));
        String quietest = idle(4).stream().map(ReplicaLoad::name).filter(n -> !n.equals(preferred)).findFirst()
                .orElseThrow();
        // others at 3, the quietest at 2: margin 4 + 0.5 x 2 lets the preferred carry up to 7
        java.util.function.DoubleFunction<List<ReplicaLoad>> loads = preferredLoad -> idle(4).stream()
                .map(r -> new ReplicaLoad(r.name(), true, r.name().equals(preferred) ? preferredLoad
                        : r.name().equals(quietest) ? 2 : 3, 0)).toList();
        assertEquals(preferred, pick(affinity, key, loads.apply(7)), "within the margin the cache wins");
        Route route = affinity.route(key, loads.apply(7.5), Set.of()).orElseThrow();
        assertEquals(Route.Decision.DIVERTED, route.decision());
        assertEquals(quietest, route.name());
    }

    @Test
    void kvCacheUsageCountsAsLoad() {
        String key = KEYS.get(1);
        List<ReplicaLoad> replicas = idle(3);
        String preferred = pick(affinity, key, replicas);
        // same request load everywhere, but the preferred one's KV cache is full (+4) and others are empty
        List<ReplicaLoad> full = replicas.stream().map(r -> new ReplicaLoad(r.name(), true, 1,
                r.name().equals(preferred) ? 1.0 : 0.0)).toList();
        assertEquals(preferred, pick(new ReplicaRouter(RoutingStrategy.AFFINITY, 4, 0, 4), key, full),
                "exactly at the margin: kept");
        ReplicaRouter strict = new ReplicaRouter(RoutingStrategy.AFFINITY, 3, 0, 4);
        assertEquals(Route.Decision.DIVERTED, strict.route(key, full, Set.of()).orElseThrow().decision());
        // as a tie-breaker: the least-loaded replica is the one with the emptier KV cache
        List<ReplicaLoad> tied = replicas.stream().map(r -> new ReplicaLoad(r.name(), true,
                r.name().equals(preferred) ? 10 : 1, r.name().equals("npc-1") ? 0.9 : 0.1)).toList();
        String diverted = strict.route(key, tied, Set.of()).orElseThrow().name();
        assertNotEquals(preferred, diverted);
        assertNotEquals("npc-1", diverted);
    }

    @Test
    void anEjectedReplicaIsNeverChosenWhileAHealthyOneExists() {
        List<ReplicaLoad> replicas = List.of(new ReplicaLoad("npc-1", false, 0, 0),
                new ReplicaLoad("npc-2", true, 100, 1.0), new ReplicaLoad("npc-3", false, 0, 0));
        ReplicaRouter rr = new ReplicaRouter(RoutingStrategy.ROUND_ROBIN, 4, 0.5, 4);
        for (String key : KEYS.subList(0, 50)) {
            assertEquals("npc-2", pick(affinity, key, replicas));
            assertEquals("npc-2", pick(rr, key, replicas));
        }
    }

    @Test
    void triedReplicasAreSkippedAndNothingIsLeftWhenAllWereTried() {
        String key = KEYS.get(2);
        List<ReplicaLoad> replicas = idle(3);
        Set<String> tried = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            Route route = affinity.route(key, replicas, tried).orElseThrow();
            assertTrue(tried.add(route.name()), "a replica is tried once: " + route.name());
        }
        assertTrue(affinity.route(key, replicas, tried).isEmpty());
        assertTrue(affinity.route(key, List.of(), Set.of()).isEmpty());
        assertTrue(affinity.route(key, List.of(new ReplicaLoad("npc-1", false, 0, 0)), Set.of()).isEmpty());
    }

    @Test
    void roundRobinTakesTurnsAndSkipsEjectedReplicas() {
        ReplicaRouter rr = new ReplicaRouter(RoutingStrategy.ROUND_ROBIN, 4, 0.5, 4);
        List<String> picked = IntStream.range(0, 6).mapToObj(i -> pick(rr, "same:conversation", idle(3))).toList();
        assertEquals(List.of("npc-1", "npc-2", "npc-3", "npc-1", "npc-2", "npc-3"), picked);
        List<ReplicaLoad> npc2Out = with(idle(3), new ReplicaLoad("npc-2", false, 0, 0));
        Map<String, Integer> counts = new HashMap<>();
        IntStream.range(0, 8).forEach(i -> counts.merge(pick(rr, "k", npc2Out), 1, Integer::sum));
        assertEquals(Set.of("npc-1", "npc-3"), counts.keySet());
        assertEquals(Route.Decision.ROUND_ROBIN, rr.route("k", idle(3), Set.of()).orElseThrow().decision());
    }

    @Test
    void theStrategyCanBeSwitchedAtRuntime() {
        ReplicaRouter router = new ReplicaRouter(RoutingStrategy.AFFINITY, 4, 0.5, 4);
        router.strategy(RoutingStrategy.ROUND_ROBIN);
        assertEquals(Route.Decision.ROUND_ROBIN, router.route("k", idle(2), Set.of()).orElseThrow().decision());
        router.strategy(RoutingStrategy.AFFINITY);
        assertEquals(Route.Decision.AFFINITY, router.route("k", idle(2), Set.of()).orElseThrow().decision());
    }

    @Test
    void theKeyIsTheNpcUnlessConversationAffinityIsChosen() {
        ReplicaRouter router = new ReplicaRouter(RoutingStrategy.AFFINITY, 4, 0.5, 4);
        assertEquals("brann", router.key("brann", "p1"));
        assertEquals(pick(router, router.key("brann", "p1"), idle(4)), pick(router, router.key("brann", "p2"), idle(4)),
                "with npc affinity every conversation with an NPC shares its replica");
        router.affinityKey(AffinityKey.parse("conversation"));
        assertEquals("brann:p1", router.key("brann", "p1"));
        assertThrows(IllegalArgumentException.class, () -> AffinityKey.parse("player"));
    }

    @Test
    void strategiesParseFromConfigNames() {
        assertEquals(RoutingStrategy.AFFINITY, RoutingStrategy.parse("affinity"));
        assertEquals(RoutingStrategy.ROUND_ROBIN, RoutingStrategy.parse(" Round-Robin "));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RoutingStrategy.parse("random"));
        assertTrue(e.getMessage().contains("affinity or round-robin"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ReplicaRouter(RoutingStrategy.AFFINITY, -1, 0, 0));
    }
}
