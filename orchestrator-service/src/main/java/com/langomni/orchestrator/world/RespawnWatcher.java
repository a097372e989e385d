package com.langomni.orchestrator.world;

import com.langomni.api.protocol.EventFrame;
import com.langomni.api.protocol.EventKinds;
import com.langomni.orchestrator.game.rules.model.CreatureDef;
import com.langomni.orchestrator.game.rules.model.LocationState;
import com.langomni.orchestrator.game.rules.model.World;
import com.langomni.orchestrator.game.rules.world.Respawns;
import com.langomni.orchestrator.game.state.LocationStateEntity;
import com.langomni.orchestrator.game.state.LocationStateMapper;
import com.langomni.orchestrator.game.state.LocationStateRepository;
import com.langomni.orchestrator.session.Publisher;
import com.langomni.words.WorldLines;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Makes the world move on its own, every {@code langomni.world.respawn-sweep}: killed creatures whose time has come
 * are put back in the stored state and announced to the players in their room, and a world event whose time ran
 * out ends and is announced. Every replica sweeps; a creature's return is settled under the location row's lock and
 * an event's end by one conditional update, so each is announced once.
 */
@ApplicationScoped
public class RespawnWatcher {

    /** A creature back in a location, as announced. */
    public record Back(String locationId, String creatureId) {
    }

    private final LocationStateRepository rows;
    private final World world;
    private final Publisher publisher;
    private final WorldStatusStore store;
    private final WorldControl control;
    private final Vertx vertx;
    private final WorldConfig config;
    private final AtomicBoolean sweeping = new AtomicBoolean();
    private long timer = -1;

    RespawnWatcher(LocationStateRepository rows, World world, Publisher publisher, WorldStatusStore store,
                   WorldControl control, Vertx vertx, WorldConfig config) {
        this.rows = rows;
        this.world = world;
        this.publisher = publisher;
        this.store = store;
        this.control = control;
        this.vertx = vertx;
        this.config = config;
    }

    void start(@Observes StartupEvent event) {
        long every = config.respawnSweep().toMillis();
        if (every > 0) {
            timer = vertx.setPeriodic(every, id -> tick());
        }
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    private void tick() {
        if (!sweeping.compareAndSet(false, true)) {
            return;
        }
        sweep(System.currentTimeMillis())
                .call(() -> store.endLapsed().call(kind -> kind == null ? Uni.createFrom().voidItem()
                        : control.lapsed(kind)))
                .onTermination().invoke(() -> sweeping.set(false))
                .subscribe().with(ignored -> { }, failure -> Log.warnf("World sweep failed: %s", failure.toString()));
    }

    /**
     * Brings back and announces every creature due at {@code nowMillis}; what came back. Runs on a duplicated Vert.x
     * context of its own (Hibernate Reactive needs one), whatever thread calls it.
     */
    public Uni<List<Back>> sweep(long nowMillis) {
        io.vertx.core.Context context = VertxContext.createNewDuplicatedContext(vertx.getDelegate().getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        return Uni.createFrom().emitter(emitter -> context.runOnContext(ignored -> sweepHere(nowMillis)
                .subscribe().with(emitter::complete, emitter::fail)));
    }

    private Uni<List<Back>> sweepHere(long nowMillis) {
        return Panache.withSession(() -> rows.listAll())
                .map(all -> all.stream().map(LocationStateMapper::toState)
                        .filter(state -> world.location(state.locationId()).isPresent())
                        .filter(state -> Respawns.due(world, state, nowMillis) != null)
                        .map(LocationState::locationId).toList())
                .chain(due -> {
                    List<Back> back = new ArrayList<>();
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (String locationId : due) {
                        chain = chain.chain(() -> settle(locationId, nowMillis).invoke(back::addAll)).replaceWithVoid();
                    }
                    return chain.replaceWith(back);
                });
    }

    /** Under the row's lock: the creatures still due are put back, then announced in the room. */
    private Uni<List<Back>> settle(String locationId, long nowMillis) {
        return Panache.withTransaction(() -> rows.findById(locationId)
                        .chain(row -> row == null ? Uni.createFrom().<LocationStateEntity>nullItem() : rows.lock(row))
                        .map(locked -> {
                            if (locked == null) {
                                return List.<CreatureDef>of();
                            }
                            Respawns.Respawned respawned = Respawns.due(world, LocationStateMapper.toState(locked),
                                    nowMillis);
                            if (respawned == null) {
                                return List.<CreatureDef>of();
                            }
                            LocationStateMapper.copy(respawned.state(), locked, Instant.ofEpochMilli(nowMillis));
                            return respawned.creatures();
                        }))
                .chain(creatures -> announce(locationId, creatures));
    }

    private Uni<List<Back>> announce(String locationId, List<CreatureDef> creatures) {
        Uni<Void> sent = Uni.createFrom().voidItem();
        for (CreatureDef creature : creatures) {
            EventFrame frame = EventFrame.of(EventKinds.RESPAWN, creature.name(), WorldLines.respawned(creature.name()));
            sent = sent.chain(() -> publisher.roomEvent(locationId, null, frame));
        }
        return sent.replaceWith(creatures.stream().map(c -> new Back(locationId, c.id())).toList());
    }
}
