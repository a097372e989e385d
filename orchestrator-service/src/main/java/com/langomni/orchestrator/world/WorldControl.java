package com.langomni.orchestrator.world;

import com.langomni.api.protocol.EventFrame;
import com.langomni.api.protocol.EventKinds;
import com.langomni.orchestrator.game.rules.model.World;
import com.langomni.orchestrator.game.rules.world.GameClock;
import com.langomni.orchestrator.game.rules.world.GameTime;
import com.langomni.orchestrator.game.rules.world.WorldEventKind;
import com.langomni.orchestrator.game.rules.world.WorldStatus;
import com.langomni.orchestrator.session.Publisher;
import com.langomni.support.error.ApiException;
import com.langomni.words.WorldLines;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What an admin does to the world as a whole: pause and resume it, start and end a world event. Each change is
 * stored with its audit line ({@link WorldStatusStore}), logged like the other admin actions, and told to every
 * player online, in every room.
 */
@ApplicationScoped
public class WorldControl {

    static final int MAX_EVENT_SECONDS = 24 * 3600;
    static final int AUDIT_SHOWN = 20;

    private final WorldStatusStore store;
    private final Publisher publisher;
    private final World world;
    private final GameClock clock;

    WorldControl(WorldStatusStore store, Publisher publisher, World world, GameClock clock) {
        this.store = store;
        this.publisher = publisher;
        this.world = world;
        this.clock = clock;
    }

    public GameClock clock() {
        return clock;
    }

    /** The status as the rules see it: read again when older than the TTL. */
    public Uni<WorldStatus> status() {
        return store.current().map(s -> s.toDomain(world));
    }

    /** The status in hand at once (for views). */
    public WorldStatus cachedStatus() {
        return store.cached().toDomain(world);
    }

    public Uni<WorldView> view() {
        return store.current().chain(s -> store.audit(AUDIT_SHOWN).map(audit -> view(s, audit)));
    }

    public Uni<WorldView> pause(boolean paused, String reason, String by) {
        return store.pause(paused, by, reason)
                .invoke(() -> Log.infof("Admin %s %s the world%s", by, paused ? "paused" : "resumed",
                        reason == null || reason.isBlank() ? "" : " (" + reason + ")"))
                .call(() -> broadcast(paused ? WorldLines.paused() : WorldLines.resumed()))
                .chain(ignored -> view());
    }

    /** 400 for a kind the pack does not define or a duration out of 1 s to 24 h. */
    public Uni<WorldView> start(String kindId, Integer durationSeconds, String by) {
        WorldEventKind kind = world.event(kindId).orElseThrow(() -> ApiException.badRequest(
                "kind must be one of " + world.events().keySet()));
        int seconds = durationSeconds == null ? kind.durationSeconds() : durationSeconds;
        if (seconds < 1 || seconds > MAX_EVENT_SECONDS) {
            throw ApiException.badRequest("durationSeconds must be 1-" + MAX_EVENT_SECONDS);
        }
        Instant now = Instant.now();
        return store.startEvent(kind.id(), now, now.plusSeconds(seconds), by)
                .invoke(() -> Log.infof("Admin %s started the world event %s for %d s", by, kind.id(), seconds))
                .call(() -> broadcast(kind.announcement()))
                .chain(ignored -> view());
    }

    /** Ends the event under way; 404 when none is. */
    public Uni<WorldView> end(String by) {
        return store.current().chain(s -> {
            Optional<WorldEventKind> kind = activeKind(s);
            if (kind.isEmpty()) {
                return Uni.createFrom().failure(ApiException.notFound("no world event is under way"));
            }
            return store.endEvent(kind.get().id(), by)
                    .invoke(() -> Log.infof("Admin %s ended the world event %s", by, kind.get().id()))
                    .call(() -> broadcast(ending(kind.get())))
                    .chain(ignored -> view());
        });
    }

    /** The ending of an event whose time ran out, told once (by the replica whose sweep ends it). */
    Uni<Void> lapsed(String kindId) {
        return world.event(kindId).map(kind -> broadcast(ending(kind))).orElse(Uni.createFrom().voidItem());
    }

    private static String ending(WorldEventKind kind) {
        return kind.ending() == null || kind.ending().isBlank() ? WorldLines.eventEnded(kind.name()) : kind.ending();
    }

    private Optional<WorldEventKind> activeKind(StoredStatus s) {
        return s.toDomain(world).eventAt(System.currentTimeMillis()).map(e -> e.kind());
    }

    /** A line to everyone online: an event in every room. */
    private Uni<Void> broadcast(String text) {
        EventFrame frame = EventFrame.of(EventKinds.WORLD, WorldLines.FROM, text);
        List<Uni<Void>> sends = world.locations().keySet().stream()
                .map(id -> publisher.roomEvent(id, null, frame)).toList();
        return sends.isEmpty() ? Uni.createFrom().voidItem() : Uni.join().all(sends).andCollectFailures()
                .replaceWithVoid();
    }

    private WorldView view(StoredStatus s, List<WorldAuditEntry> audit) {
        GameTime time = clock.at(System.currentTimeMillis());
        WorldView.Event event = activeKind(s)
                .map(kind -> new WorldView.Event(kind.id(), kind.name(), kind.ambience(), s.eventStartedAt(),
                        s.eventEndsAt(), s.eventBy()))
                .orElse(null);
        List<WorldView.EventKind> kinds = world.events().values().stream()
                .map(k -> new WorldView.EventKind(k.id(), k.name(), k.announcement(), k.durationSeconds(),
                        k.blocks().stream().sorted().toList()))
                .toList();
        return new WorldView(time.day(), time.clock(), time.night(), s.paused(), s.pausedBy(), s.pausedAt(), event,
                kinds, audit);
    }
}
