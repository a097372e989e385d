package com.langomni.orchestrator.session;

import com.langomni.orchestrator.game.rules.model.World;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import com.langomni.orchestrator.common.RedisKeys;
import com.langomni.orchestrator.common.RedisLease;

/**
 * Closes the sockets of dead gateways. Every replica ticks every reaper interval; the one that takes the lease
 * runs a round: it condemns the gateways silent for longer than dead-after ({@link GatewayRegistry}), closes up to
 * a batch of each condemned gateway's sockets as if the gateway had reported each close ({@link Departures}: the
 * room hears "fades away" when it was the player's last socket; a socket whose player is busy waits for the next
 * round), and sweeps one location's roster of players without a socket ({@link Presence#sweep}).
 * <p>
 * Heartbeats cannot be recorded while Redis is down, and none arrive while this replica is stalled: after either
 * (and after a start) the replica condemns nobody until it has seen Redis answer for a whole dead-after, so the
 * gateways have time to heartbeat again and an outage of Redis or of every orchestrator kills no gateway.
 */
@ApplicationScoped
public class PresenceReaper {

    /** What one round did, for logs and tests. */
    public record Round(boolean ran, int condemned, int closed, long swept) {
        static final Round SKIPPED = new Round(false, 0, 0, 0);
    }

    private final GatewayRegistry gateways;
    private final Departures departures;
    private final Presence presence;
    private final RedisLease lease;
    private final Vertx vertx;
    private final PresenceConfig config;
    private final List<String> locations;
    private final AtomicBoolean running = new AtomicBoolean();
    private long timer = -1;
    /** When (System.nanoTime) this replica last saw Redis answer a tick after a gap or failure; -1: not now. */
    private volatile long steadySince = -1;
    private volatile long lastTick;

    PresenceReaper(GatewayRegistry gateways, Departures departures, Presence presence, RedisLease lease, Vertx vertx,
                   PresenceConfig config, World world) {
        this.gateways = gateways;
        this.departures = departures;
        this.presence = presence;
        this.lease = lease;
        this.vertx = vertx;
        this.config = config;
        this.locations = world.locations().keySet().stream().sorted().toList();
    }

    void start(@Observes StartupEvent event) {
        lastTick = System.nanoTime();
        timer = vertx.setPeriodic(config.reaperInterval().toMillis(), id -> tick());
    }

    void stop(@Observes ShutdownEvent event) {
        vertx.cancelTimer(timer);
    }

    private void tick() {
        if (running.compareAndSet(false, true)) {
            round().subscribe().with(done -> running.set(false), failure -> running.set(false));
        } else {
            lastTick = System.nanoTime(); // this replica is busy with a long round, not stalled
        }
    }

    /** One round if this replica takes the lease; skipped (nothing done) while another holds it. */
    Uni<Round> round() {
        long now = System.nanoTime();
        if (now - lastTick > config.reaperInterval().multipliedBy(2).toNanos()) {
            steadySince = -1; // stalled: heartbeats may be waiting to be recorded
        }
        lastTick = now;
        return lease.tryAcquire(RedisKeys.presenceReaper(), config.reaperLease())
                .invoke(this::steady)
                .onFailure().invoke(failure -> {
                    steadySince = -1;
                    Log.debugf("Presence reaper: Redis unavailable: %s", failure.toString());
                })
                .onFailure().recoverWithItem(Optional.empty())
                .chain(token -> token.isEmpty() ? Uni.createFrom().item(Round.SKIPPED) : holding(token.get()));
    }

    private void steady(Optional<String> ignored) {
        if (steadySince == -1) {
            steadySince = System.nanoTime();
        }
    }

    private Uni<Round> holding(String token) {
        // Cut short before the lease lapses, so the next holder never overlaps this round.
        Duration cut = config.reaperLease().multipliedBy(4).dividedBy(5);
        return work()
                .ifNoItem().after(cut).fail()
                .onFailure().invoke(failure -> Log.warnf("Presence reaper round failed: %s", failure.toString()))
                .onFailure().recoverWithItem(new Round(true, 0, 0, 0))
                .call(() -> lease.release(RedisKeys.presenceReaper(), token).onFailure().recoverWithNull());
    }

    /** Whether this replica has seen Redis answer for a whole dead-after, so a silent gateway really is silent. */
    boolean mayCondemn() {
        long since = steadySince;
        return since != -1 && System.nanoTime() - since >= config.deadAfter().toNanos();
    }

    private Uni<Round> work() {
        Uni<Integer> condemned = mayCondemn() ? condemnSilent() : Uni.createFrom().item(0);
        return condemned.chain(dead -> drain().chain(closed -> sweep()
                .map(swept -> new Round(true, dead, closed, swept))));
    }

    private Uni<Integer> condemnSilent() {
        return gateways.silent().chain(silent -> Multi.createFrom().iterable(silent)
                .onItem().transformToUniAndConcatenate(gatewayId -> gateways.condemn(gatewayId)
                        .invoke(dead -> {
                            if (dead) {
                                Log.warnf("Gateway %s silent for more than %s: declared dead, closing its sockets",
                                        gatewayId, config.deadAfter());
                            }
                        }))
                .filter(dead -> dead)
                .collect().asList()
                .map(List::size));
    }

    /** Closes a batch of each condemned gateway's sockets; returns how many sockets were closed. */
    private Uni<Integer> drain() {
        return gateways.condemned().chain(condemned -> Multi.createFrom().iterable(condemned)
                .onItem().transformToUniAndConcatenate(gatewayId -> gateways
                        .condemnedSockets(gatewayId, config.reapBatch())
                        .chain(sockets -> Multi.createFrom().iterable(sockets)
                                .onItem().transformToUni(socket -> departures.close(socket.playerId(), socket.socket())
                                        .replaceWith(1)
                                        .onFailure().invoke(failure -> Log.debugf(
                                                "Socket %s of player %s stays for the next round: %s",
                                                socket.socket(), socket.playerId(), failure.toString()))
                                        .onFailure().recoverWithItem(0))
                                .merge(config.reapConcurrency())
                                .collect().with(Collectors.summingInt(Integer::intValue)))
                        .call(() -> gateways.forgetIfDrained(gatewayId)))
                .collect().with(Collectors.summingInt(Integer::intValue)));
    }

    /** One location per interval slot, the same on every replica, so the rosters are swept in turn. */
    private Uni<Long> sweep() {
        if (locations.isEmpty()) {
            return Uni.createFrom().item(0L);
        }
        long slot = System.currentTimeMillis() / Math.max(1, config.reaperInterval().toMillis());
        String location = locations.get((int) Math.floorMod(slot, (long) locations.size()));
        return presence.sweep(location).invoke(swept -> {
            if (swept > 0) {
                Log.infof("Presence: %d player(s) without a socket dropped from the roster of %s", swept, location);
            }
        });
    }
}
