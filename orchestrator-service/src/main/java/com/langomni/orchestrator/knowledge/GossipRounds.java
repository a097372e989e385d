package com.langomni.orchestrator.knowledge;

import com.langomni.api.memory.MemoryRecord;
import com.langomni.orchestrator.common.RedisLease;
import com.langomni.orchestrator.game.rules.model.Whereabouts;
import com.langomni.orchestrator.game.rules.world.GameClock;
import com.langomni.orchestrator.game.rules.model.Npc;
import com.langomni.orchestrator.game.rules.model.World;
import com.langomni.orchestrator.memory.MemoryOwners;
import com.langomni.orchestrator.memory.client.MemoryClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Runs gossip rounds: reads what the NPCs who share a place know from memory-service, lets {@link Gossip} decide who
 * tells whom what, and stores each telling in the hearer's memories under an idempotency key of its own (once per
 * hearer and event), directly rather than through the write queue, so a round that returns has done its work and the
 * next one sees it. One replica at a time runs a round (a Redis lease); a round whose lease is held elsewhere does
 * nothing. A telling memory-service refuses is simply planned again next round.
 */
@ApplicationScoped
public class GossipRounds {

    static final String LEASE_KEY = "langomni:gossip:round";

    private final MemoryClient memories;
    private final RedisLease leases;
    private final World world;
    private final GossipConfig config;
    private final MeterRegistry registry;

    private final GameClock clock;

    GossipRounds(MemoryClient memories, RedisLease leases, World world, GossipConfig config, MeterRegistry registry,
                 GameClock clock) {
        this.clock = clock;
        this.memories = memories;
        this.leases = leases;
        this.world = world;
        this.config = config;
        this.registry = registry;
    }

    /** One round with the NPCs where {@link Whereabouts} puts them at {@code at} (epoch millis). */
    public Uni<GossipReport> runOnce(long at) {
        return run(Whereabouts.gatherings(world, clock, at), at);
    }

    /** One round with the given gatherings (location id to the NPC ids there), e.g. NPCs meeting on a schedule. */
    public Uni<GossipReport> run(Map<String, List<String>> gatherings, long at) {
        return leases.tryAcquire(LEASE_KEY, config.lease()).chain(token -> token.isEmpty()
                ? Uni.createFrom().item(GossipReport.skipped())
                : round(gatherings, at).onTermination().call(() -> leases.release(LEASE_KEY, token.get())))
                .invoke(this::count);
    }

    private void count(GossipReport report) {
        registry.counter("langomni.gossip.rounds", "result", report.ran() ? "ran" : "skipped").increment();
        if (report.told() > 0) {
            registry.counter("langomni.gossip.tellings", "outcome", "told").increment(report.told());
        }
        if (report.failed() > 0) {
            registry.counter("langomni.gossip.tellings", "outcome", "failed").increment(report.failed());
        }
    }

    private Uni<GossipReport> round(Map<String, List<String>> gatherings, long at) {
        Set<String> talkers = new LinkedHashSet<>();
        gatherings.values().stream().filter(npcs -> npcs.size() > 1).forEach(talkers::addAll);
        if (talkers.isEmpty()) {
            return Uni.createFrom().item(new GossipReport(true, 0, 0, 0));
        }
        return Multi.createFrom().iterable(talkers)
                .onItem().transformToUniAndConcatenate(npcId -> memories.list(MemoryOwners.npc(npcId), config.scanLimit())
                        .ifNoItem().after(config.memoryTimeout()).fail()
                        .map(list -> Optional.of(Map.entry(npcId, list == null ? List.<MemoryRecord>of() : list)))
                        .onFailure().recoverWithItem(failure -> {
                            Log.debugf("Gossip: memories of %s unread: %s", npcId, failure.toString());
                            return Optional.empty(); // what it knows is unknown: it sits this round out
                        }))
                .collect().asList()
                .chain(entries -> tell(gatherings, entries.stream().flatMap(Optional::stream).toList(), talkers, at));
    }

    private Uni<GossipReport> tell(Map<String, List<String>> gatherings,
                                   List<Map.Entry<String, List<MemoryRecord>>> entries, Set<String> talkers, long at) {
        Map<String, List<MemoryRecord>> known = new LinkedHashMap<>();
        entries.forEach(e -> known.put(e.getKey(), e.getValue()));
        int unread = talkers.size() - known.size();
        List<Gossip.Telling> tellings = Gossip.round(gatherings, known,
                id -> world.npc(id).map(Npc::name).orElse(id), config.settings(), at);
        if (tellings.isEmpty()) {
            return Uni.createFrom().item(new GossipReport(true, 0, 0, unread));
        }
        return Multi.createFrom().iterable(tellings)
                .onItem().transformToUniAndConcatenate(t -> memories.write(t.key(), t.write())
                        .ifNoItem().after(config.memoryTimeout()).fail()
                        .map(stored -> true)
                        .onFailure().recoverWithItem(failure -> {
                            if (failure instanceof WebApplicationException e && e.getResponse().getStatus() == 409) {
                                return true; // this hearer already holds this event under another wording
                            }
                            Log.debugf("Gossip to %s not stored: %s", t.listenerId(), failure.toString());
                            return false;
                        }))
                .collect().asList()
                .map(results -> {
                    int told = (int) results.stream().filter(ok -> ok).count();
                    Log.debugf("Gossip round: %d told, %d failed", told, results.size() - told);
                    return new GossipReport(true, told, results.size() - told, unread);
                });
    }
}
