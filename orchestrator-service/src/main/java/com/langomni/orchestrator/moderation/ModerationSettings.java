package com.langomni.orchestrator.moderation;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * The world's moderation mode: the admins' setting in PostgreSQL ({@code moderation_setting}), else the configured
 * default. Each replica keeps it for {@code langomni.moderation.setting-ttl}, so a change made on one replica is in
 * force everywhere within that time (at once on the replica that made it). When PostgreSQL cannot be read, the mode
 * last read stays (the configured default before any read): moderation never fails an action.
 */
@ApplicationScoped
public class ModerationSettings {

    private static final String READ = "select mode from moderation_setting where id = 1";
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

    public Uni<ModerationMode> mode() {
        if (read && System.nanoTime() - readAt < ttlNanos) {
            return Uni.createFrom().item(current);
        }
        return pool.query(READ).execute()
                .map(rows -> {
                    var found = rows.iterator();
                    ModerationMode stored = found.hasNext() ? ModerationMode.of(found.next().getString("mode")) : null;
                    return remember(stored == null ? fallback : stored);
                })
                .onFailure().recoverWithItem(() -> current)
                .ifNoItem().after(Duration.ofSeconds(1)).recoverWithItem(() -> current);
    }

    public Uni<ModerationMode> set(ModerationMode mode, String by) {
        return pool.preparedQuery(WRITE).execute(Tuple.of(mode.wire(), by)).map(ignored -> remember(mode));
    }

    private ModerationMode remember(ModerationMode mode) {
        current = mode;
        readAt = System.nanoTime();
        read = true;
        return mode;
    }
}
