package com.langomni.gateway.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.Uni;

class ConnectionRegistryTest {

    private final ConnectionRegistry registry = new ConnectionRegistry();

    @Test
    void indexesASocketByPlayerAndLocation() {
        PlayerSession session = session("ann");
        registry.add(session, "hall");

        assertEquals(Set.of(session), registry.sessionsOf("ann"));
        assertEquals(Optional.of("hall"), registry.locationOf("ann"));
        assertEquals(Set.of("ann"), registry.playersIn("hall"));
        assertEquals(1, registry.openSockets());
        assertEquals(1, registry.playersOnline());
    }

    @Test
    void keepsThePlayerOnlineUntilTheLastSocketCloses() {
        PlayerSession first = session("ann");
        PlayerSession second = session("ann");
        registry.add(first, "hall");
        registry.add(second, "hall");

        registry.remove(first);
        assertEquals(Set.of(second), registry.sessionsOf("ann"));
        assertEquals(Set.of("ann"), registry.playersIn("hall"));
        assertEquals(1, registry.openSockets());

        registry.remove(second);
        assertTrue(registry.sessionsOf("ann").isEmpty());
        assertTrue(registry.playersIn("hall").isEmpty());
        assertEquals(Optional.empty(), registry.locationOf("ann"));
        assertEquals(0, registry.openSockets());
        assertEquals(0, registry.playersOnline());
    }

    @Test
    void ignoresRemovingASocketTwice() {
        PlayerSession session = session("ann");
        registry.add(session, "hall");
        registry.remove(session);
        registry.remove(session);

        assertEquals(0, registry.openSockets());
    }

    @Test
    void movesAPlayerBetweenRooms() {
        registry.add(session("ann"), "hall");
        registry.add(session("bob"), "hall");

        registry.moveTo("ann", "yard");

        assertEquals(Set.of("bob"), registry.playersIn("hall"));
        assertEquals(Set.of("ann"), registry.playersIn("yard"));
        assertEquals(Optional.of("yard"), registry.locationOf("ann"));
    }

    @Test
    void ignoresMovesOfPlayersConnectedElsewhere() {
        registry.moveTo("ghost", "yard");

        assertTrue(registry.playersIn("yard").isEmpty());
        assertEquals(0, registry.playersOnline());
    }

    @Test
    void keepsTheKnownLocationWhenANewSocketBringsNone() {
        registry.add(session("ann"), "hall");
        registry.add(session("ann"), null);

        assertEquals(Optional.of("hall"), registry.locationOf("ann"));
    }

    @Test
    void staysConsistentUnderConcurrentOpensClosesAndMoves() throws Exception {
        List<String> players = List.of("p0", "p1", "p2", "p3", "p4", "p5");
        List<String> rooms = List.of("r0", "r1", "r2");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<List<PlayerSession>>> workers = new ArrayList<>();
        for (int w = 0; w < 8; w++) {
            workers.add(pool.submit(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                List<PlayerSession> kept = new ArrayList<>();
                for (int i = 0; i < 20_000; i++) {
                    String player = players.get(random.nextInt(players.size()));
                    String room = rooms.get(random.nextInt(rooms.size()));
                    switch (random.nextInt(3)) {
                        case 0 -> {
                            PlayerSession session = session(player);
                            registry.add(session, room);
                            kept.add(session);
                        }
                        case 1 -> {
                            if (!kept.isEmpty()) {
                                registry.remove(kept.remove(random.nextInt(kept.size())));
                            }
                        }
                        default -> registry.moveTo(player, room);
                    }
                }
                return kept;
            }));
        }
        int stillOpen = 0;
        Set<String> online = new HashSet<>();
        for (Future<List<PlayerSession>> worker : workers) {
            List<PlayerSession> kept = worker.get(60, TimeUnit.SECONDS);
            stillOpen += kept.size();
            kept.forEach(s -> online.add(s.playerId()));
        }
        pool.shutdown();

        assertEquals(stillOpen, registry.openSockets());
        assertEquals(online.size(), registry.playersOnline());
        for (String player : players) {
            Optional<String> location = registry.locationOf(player);
            for (String room : rooms) {
                boolean indexed = registry.playersIn(room).contains(player);
                assertEquals(location.equals(Optional.of(room)), indexed, player + " in " + room);
            }
        }
    }

    private static PlayerSession session(String playerId) {
        // The registry only reads ids; no socket is needed.
        return new PlayerSession(null, playerId, "token-" + playerId, 16, new FrameRate(20, 40, System::nanoTime), (session, action) -> Uni.createFrom().voidItem());
    }
}
