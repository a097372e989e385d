package com.langomni.npc.domain;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Picks the replica for one NPC request. Never an ejected replica or one already tried for this request.
 * <p>
 * Affinity uses rendezvous (highest-random-weight) hashing over replica names: each key ranks the replicas by a
 * hash of (key, name), and takes the best healthy one. A replica leaving moves only its own keys (to their
 * second choice) and its return moves exactly those back, so the prefix caches of the others stay warm. The
 * load term keeps one hot conversation set from queueing on a replica while others idle: if the preferred
 * replica's score exceeds the least-loaded one's by more than {@code loadMargin + loadMarginRatio × least}, the
 * least-loaded one answers. Score = load + kvWeight × KV usage.
 * <p>
 * Thread-safe: the strategy can be switched at runtime (benchmarks compare strategies on one running service).
 */
public final class ReplicaRouter {
    private final double loadMargin;
    private final double loadMarginRatio;
    private final double kvWeight;
    private final AtomicLong turn = new AtomicLong();
    private volatile RoutingStrategy strategy;
    private volatile AffinityKey affinityKey = AffinityKey.NPC;

    /**
     * @param loadMargin      how much more loaded (in requests) the preferred replica may be than the least-loaded
     *                        one before a request is diverted; a cache hit is worth a little extra batching
     * @param loadMarginRatio the margin's part that grows with load: at 30 requests a replica, 4 more is noise
     * @param kvWeight   requests' worth of load a full KV cache adds: a replica near KV capacity must soon queue
     *                   or evict cached prefixes, so it counts as busier than its request count says
     */
    public ReplicaRouter(RoutingStrategy strategy, double loadMargin, double loadMarginRatio, double kvWeight) {
        if (loadMargin < 0 || loadMarginRatio < 0 || kvWeight < 0) {
            throw new IllegalArgumentException("loadMargin, loadMarginRatio and kvWeight must not be negative");
        }
        this.strategy = strategy;
        this.loadMargin = loadMargin;
        this.loadMarginRatio = loadMarginRatio;
        this.kvWeight = kvWeight;
    }

    public RoutingStrategy strategy() {
        return strategy;
    }

    public void strategy(RoutingStrategy strategy) {
        this.strategy = strategy;
    }

    public AffinityKey affinityKey() {
        return affinityKey;
    }

    public void affinityKey(AffinityKey affinityKey) {
        this.affinityKey = affinityKey;
    }

    /** The routing key of a request: the NPC by default, see {@link AffinityKey}. */
    public String key(String npcId, String playerId) {
        return affinityKey.of(npcId, playerId);
    }

    /**
     * @param key      from {@link #key(String, String)}
     * @param replicas every configured replica, in configuration order
     * @param tried    names of replicas that already failed this request
     * @return the route, empty when no healthy untried replica is left
     */
    public Optional<Route> route(String key, List<ReplicaLoad> replicas, Set<String> tried) {
        return strategy == RoutingStrategy.ROUND_ROBIN ? roundRobin(replicas, tried) : affinity(key, replicas, tried);
    }

    private Optional<Route> roundRobin(List<ReplicaLoad> replicas, Set<String> tried) {
        int n = replicas.size();
        if (n == 0) {
            return Optional.empty();
        }
        long start = turn.getAndIncrement();
        for (int i = 0; i < n; i++) {
            int index = (int) Math.floorMod(start + i, (long) n);
            if (usable(replicas.get(index), tried)) {
                return Optional.of(new Route(index, replicas.get(index).name(), Route.Decision.ROUND_ROBIN));
            }
        }
        return Optional.empty();
    }

    private Optional<Route> affinity(String key, List<ReplicaLoad> replicas, Set<String> tried) {
        int preferred = -1;
        long preferredWeight = 0;
        int leastLoaded = -1;
        for (int i = 0; i < replicas.size(); i++) {
            ReplicaLoad r = replicas.get(i);
            if (!usable(r, tried)) {
                continue;
            }
            long weight = weight(key, r.name());
            if (preferred < 0 || Long.compareUnsigned(weight, preferredWeight) > 0) {
                preferred = i;
                preferredWeight = weight;
            }
            if (leastLoaded < 0 || score(r) < score(replicas.get(leastLoaded))) {
                leastLoaded = i;
            }
        }
        if (preferred < 0) {
            return Optional.empty();
        }
        double least = score(replicas.get(leastLoaded));
        if (score(replicas.get(preferred)) > least + loadMargin + loadMarginRatio * least) {
            return Optional.of(new Route(leastLoaded, replicas.get(leastLoaded).name(), Route.Decision.DIVERTED));
        }
        return Optional.of(new Route(preferred, replicas.get(preferred).name(), Route.Decision.AFFINITY));
    }

    private double score(ReplicaLoad r) {
        return r.load() + kvWeight * Math.max(0, Math.min(1, r.kvCacheUsage()));
    }

    private static boolean usable(ReplicaLoad r, Set<String> tried) {
        return r.healthy() && !tried.contains(r.name());
    }

    /** The rendezvous weight of (key, replica): 64-bit FNV-1a over both, finished with a splitmix64 mix. */
    static long weight(String key, String replica) {
        long h = 0xcbf29ce484222325L;
        for (byte b : (key + '\u0000' + replica).getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        h ^= h >>> 30;
        h *= 0xbf58476d1ce4e5b9L;
        h ^= h >>> 27;
        h *= 0x94d049bb133111ebL;
        return h ^ (h >>> 31);
    }
}
