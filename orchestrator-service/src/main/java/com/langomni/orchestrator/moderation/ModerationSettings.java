package com.langomni.orchestrator.moderation;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;

/**
 * The world's moderation mode: the admins' setting in PostgreSQL ({@code moderation_setting}), else the configured
 * default. Each replica keeps it for {@code langomni.moderation.setting-ttl}, so a change made on one replica is in
 * force everywhere within about that time (at once on the replica that made it). When PostgreSQL cannot be read, the
 * mode last read stays (the configured default before any read): moderation never fails an action.
 */
@ApplicationScoped
public class ModerationSettings {

    private static final String READ = "select mode from moderation_setting where id = 1";
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(1);
    private static final String WRITE = """
            insert into moderation_setting (id, mode, updated_by, updated_at) values (1, $1, $2, now())
            on conflict (id) do update set mode = excluded.mode, updated_by = excluded.updated_by,
                                           updated_at = excluded.updated_at""";

    private final Pool pool;
    private final ModerationMode fallback;
    private final long ttlNanos;
    private volatile ModerationMode current;
    private volatile long readAt;
    private volatile boolean read;
    private Uni<ModerationMode> reading;
    /** Bumped by every {@link #set}: a read begun before a change must not put the old mode back. */
    private long changes;

    ModerationSettings(Pool pool, ModerationConfig config) {
        this.pool = pool;
        this.fallback = ModerationMode.of(config.mode());
        if (fallback == null) {
            throw new IllegalArgumentException("langomni.moderation.mode must be off, words or endpoint, not '"
                    + config.mode() + "'");
        }
        this.current = fallback;
        this.ttlNanos = config.settingTtl().toNanos();
    }

    /** Reads the stored mode as the replica starts, so the first actions find it in hand. */
    void preload(@Observes StartupEvent started) {
        now();
    }

    /**
     * The mode in hand, at once: the action path never waits for (or crowds) the pool for it, and never leaves its
     * own context. Once older than the TTL it is read again in the background, one read at a time however many
     * actions ask. Until the first read is back (just after start) this is the configured default.
     */
    public ModerationMode now() {
        if (!read || System.nanoTime() - readAt >= ttlNanos) {
            reread().subscribe().with(ignored -> { }, ignored -> { });
        }
        return current;
    }

    public Uni<ModerationMode> mode() {
        return Uni.createFrom().item(this::now);
    }

    private synchronized Uni<ModerationMode> reread() {
        if (reading == null) {
            long begun = changes;
            reading = pool.query(READ).execute()
                    .map(rows -> {
                        var found = rows.iterator();
                        ModerationMode stored = found.hasNext() ? ModerationMode.of(found.next().getString("mode"))
                                : null;
                        return stored == null ? fallback : stored;
                    })
                    .ifNoItem().after(READ_TIMEOUT).fail()
                    // unreadable: the mode in hand stays, and is read again after the TTL
                    .onFailure().recoverWithItem(() -> current)
                    .map(mode -> rememberUnlessChanged(begun, mode))
                    .onTermination().invoke(this::doneReading)
                    .memoize().indefinitely();
        }
        return reading;
    }

    private synchronized void doneReading() {
        reading = null;
    }

    public Uni<ModerationMode> set(ModerationMode mode, String by) {
        return pool.preparedQuery(WRITE).execute(Tuple.of(mode.wire(), by)).map(ignored -> changed(mode));
    }

    private synchronized ModerationMode changed(ModerationMode mode) {
        changes++;
        return remember(mode);
    }

    private synchronized ModerationMode rememberUnlessChanged(long begun, ModerationMode mode) {
        return begun == changes ? remember(mode) : current;
    }

    private ModerationMode remember(ModerationMode mode) {
        current = mode;
        readAt = System.nanoTime();
        read = true;
        return mode;
    }
}
