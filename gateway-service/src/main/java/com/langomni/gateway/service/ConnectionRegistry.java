package com.langomni.gateway.service;

import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Who is connected to this gateway and where they stand: player -> sockets, player -> location, location -> players.
 * Fan-out reads it without locks. Every change to one player runs inside {@code players.compute} for that player
 * (and touches a room set only inside {@code rooms.compute}, always in that order), so the three views stay
 * consistent under concurrent opens, closes and moves, each in O(1).
 */
@ApplicationScoped
public class ConnectionRegistry {

    /** Immutable snapshot of one player's presence here; replaced on every change (a player has few sockets). */
    private record Presence(Set<PlayerSession> sessions, String locationId) {
    }

    private final ConcurrentMap<String, Presence> players = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Set<String>> rooms = new ConcurrentHashMap<>();
    private final AtomicInteger openSockets = new AtomicInteger();

    /** Registers an accepted socket; {@code locationId} (may be null when unknown) becomes the player's location. */
    public void add(PlayerSession session, String locationId) {
        players.compute(session.playerId(), (playerId, presence) -> {
            Set<PlayerSession> sessions = new HashSet<>(presence == null ? Set.of() : presence.sessions());
            if (sessions.add(session)) {
                openSockets.incrementAndGet();
            }
            String previous = presence == null ? null : presence.locationId();
            String location = locationId != null ? locationId : previous;
            relocate(playerId, previous, location);
            return new Presence(Set.copyOf(sessions), location);
        });
    }

    /** Forgets a closed socket; the player leaves the room index with their last socket. */
    public void remove(PlayerSession session) {
        players.computeIfPresent(session.playerId(), (playerId, presence) -> {
            if (!presence.sessions().contains(session)) {
                return presence;
            }
            openSockets.decrementAndGet();
            Set<PlayerSession> sessions = new HashSet<>(presence.sessions());
            sessions.remove(session);
            if (sessions.isEmpty()) {
                relocate(playerId, presence.locationId(), null);
                return null;
            }
            return new Presence(Set.copyOf(sessions), presence.locationId());
        });
    }

    /** Moves a player connected here to another location; a no-op for players connected elsewhere. */
    public void moveTo(String playerId, String locationId) {
        if (locationId == null) {
            return;
        }
        players.computeIfPresent(playerId, (id, presence) -> {
            relocate(id, presence.locationId(), locationId);
            return new Presence(presence.sessions(), locationId);
        });
    }

    public Set<PlayerSession> sessionsOf(String playerId) {
        Presence presence = players.get(playerId);
        return presence == null ? Set.of() : presence.sessions();
    }

    /** Players connected here who are in {@code locationId}; a live, weakly consistent view. */
    public Set<String> playersIn(String locationId) {
        Set<String> room = rooms.get(locationId);
        return room == null ? Set.of() : Collections.unmodifiableSet(room);
    }

    public Optional<String> locationOf(String playerId) {
        Presence presence = players.get(playerId);
        return presence == null ? Optional.empty() : Optional.ofNullable(presence.locationId());
    }

    /** Every socket registered here, e.g. to release them all at shutdown. */
    public List<PlayerSession> allSessions() {
        return players.values().stream().flatMap(presence -> presence.sessions().stream()).toList();
    }

    public int openSockets() {
        return openSockets.get();
    }

    public int playersOnline() {
        return players.size();
    }

    private void relocate(String playerId, String from, String to) {
        if (from != null && from.equals(to)) {
            return;
        }
        if (from != null) {
            rooms.computeIfPresent(from, (id, room) -> {
                room.remove(playerId);
                return room.isEmpty() ? null : room;
            });
        }
        if (to != null) {
            rooms.compute(to, (id, room) -> {
                Set<String> present = room == null ? ConcurrentHashMap.newKeySet() : room;
                present.add(playerId);
                return present;
            });
        }
    }
}
