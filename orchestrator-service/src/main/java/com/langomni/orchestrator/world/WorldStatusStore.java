package com.langomni.orchestrator.world;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The admins' world status in PostgreSQL ({@code world_status}, V6_3), with the audit of every change
 * ({@code world_audit}). Each replica keeps what it read for {@code langomni.world.status-ttl}: a pause made on one
 * replica holds on all of them within about that time (at once on the one that made it), and after a restart. When
 * PostgreSQL cannot be read the status last read stays; before any read succeeded, an action that needs the status
 * fails rather than guess "running" (it could not commit without PostgreSQL anyway).
 */
@ApplicationScoped
public class WorldStatusStore {

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(2);
    private static final String READ = """
            select paused, paused_by, paused_at, event_kind, event_started_at, event_ends_at, event_by
            from world_status where id = 1""";
    private static final String PAUSE = """
            insert into world_status (id, paused, paused_by, paused_at, updated_at) values (1, $1, $2, now(), now())
            on conflict (id) do update set paused = excluded.paused, paused_by = excluded.paused_by,
                                           paused_at = excluded.paused_at, updated_at = now()""";
    private static final String EVENT = """
            insert into world_status (id, event_kind, event_started_at, event_ends_at, event_by, updated_at)
            values (1, $1, $2, $3, $4, now())
            on conflict (id) do update set event_kind = excluded.event_kind,
                event_started_at = excluded.event_started_at, event_ends_at = excluded.event_ends_at,
                event_by = excluded.event_by, updated_at = now()""";
    private static final String LAPSE = """
            with lapsed as (select event_kind from world_status
                            where id = 1 and event_kind is not null and event_ends_at <= now() for update)
            update world_status w set event_kind = null, event_started_at = null, event_ends_at = null,
                                      updated_at = now()
            from lapsed where w.id = 1 returning lapsed.event_kind""";
    private static final String AUDIT = "insert into world_audit (action, detail, actor) values ($1, $2, $3)";
    private static final String AUDIT_PAGE = """
            select ts, action, detail, actor from world_audit order by ts desc, id desc limit $1""";

    private final Pool pool;
    private final long ttlNanos;
    private volatile StoredStatus current = StoredStatus.RUNNING;
    private volatile long readAt;
    private volatile boolean read;
    private Uni<StoredStatus> reading;
    /** Bumped by every change made here: a read begun before it must not put the old status back. */
    private long changes;

    WorldStatusStore(Pool pool, WorldConfig config) {
        this.pool = pool;
        this.ttlNanos = config.statusTtl().toNanos();
    }

    void preload(@Observes StartupEvent started) {
        current().subscribe().with(ignored -> { }, ignored -> { });
    }

    /** The status in hand, at once (possibly up to the TTL old); running until the first read. */
    public StoredStatus cached() {
        if (!fresh()) {
            reread().subscribe().with(ignored -> { }, ignored -> { });
        }
        return current;
    }

    /**
     * The status, read again first when older than the TTL (one read at a time however many ask). The shared read
     * completes on the context of whoever started it, so each caller is handed the answer back on its own Vert.x
     * context: a request's Hibernate session lives there, and an action chained on a foreign context finds no
     * session or, worse, another request's.
     */
    public Uni<StoredStatus> current() {
        if (fresh()) {
            return Uni.createFrom().item(current);
        }
        Context caller = Vertx.currentContext();
        Uni<StoredStatus> shared = reread();
        return caller == null ? shared : shared.emitOn(task -> caller.runOnContext(ignored -> task.run()));
    }

    private boolean fresh() {
        return read && System.nanoTime() - readAt < ttlNanos;
    }

    private synchronized Uni<StoredStatus> reread() {
        if (reading == null) {
            long begun = changes;
            reading = pool.query(READ).execute()
                    .map(rows -> rows.iterator().hasNext() ? status(rows.iterator().next()) : StoredStatus.RUNNING)
                    .ifNoItem().after(READ_TIMEOUT).fail()
                    .onFailure().invoke(f -> Log.warnf("World status not read: %s", f.toString()))
                    // never read since the start: no guess (a paused world must not run because PostgreSQL was slow)
                    .onFailure(f -> read).recoverWithItem(() -> current)
                    .map(status -> rememberUnlessChanged(begun, status))
                    .onTermination().invoke(this::doneReading)
                    .memoize().indefinitely();
        }
        return reading;
    }

    private synchronized void doneReading() {
        reading = null;
    }

    /** Pauses or resumes the world, with its audit line, in one transaction. */
    public Uni<StoredStatus> pause(boolean paused, String by, String reason) {
        return pool.withTransaction(tx -> tx.preparedQuery(PAUSE).execute(Tuple.of(paused, by))
                        .chain(() -> audit(tx, paused ? "pause" : "resume", reason, by)))
                .chain(this::reloadAfterChange);
    }

    /** Starts an event (replacing any under way), with its audit line. */
    public Uni<StoredStatus> startEvent(String kind, Instant startedAt, Instant endsAt, String by) {
        return pool.withTransaction(tx -> tx.preparedQuery(EVENT)
                        .execute(Tuple.of(kind, utc(startedAt), utc(endsAt), by))
                        .chain(() -> audit(tx, "event", kind, by)))
                .chain(this::reloadAfterChange);
    }

    /** Ends the event under way at once, with its audit line. */
    public Uni<StoredStatus> endEvent(String kind, String by) {
        return pool.withTransaction(tx -> tx.preparedQuery(EVENT)
                        .execute(Tuple.of(null, null, null, by))
                        .chain(() -> audit(tx, "end", kind, by)))
                .chain(this::reloadAfterChange);
    }

    /**
     * Clears an event whose time ran out, with its audit line ({@code actor} "world"); its kind, or null when none
     * lapsed. Only one caller gets a given lapse, however many replicas sweep at once.
     */
    public Uni<String> endLapsed() {
        return pool.withTransaction(tx -> tx.query(LAPSE).execute()
                        .chain(rows -> {
                            if (!rows.iterator().hasNext()) {
                                return Uni.createFrom().<String>nullItem();
                            }
                            String kind = rows.iterator().next().getString("event_kind");
                            return audit(tx, "end", kind, "world").replaceWith(kind);
                        }))
                .call(kind -> kind == null ? Uni.createFrom().voidItem() : reloadAfterChange().replaceWithVoid());
    }

    /** The newest {@code limit} audit lines, newest first. */
    public Uni<List<WorldAuditEntry>> audit(int limit) {
        return pool.preparedQuery(AUDIT_PAGE).execute(Tuple.of(limit)).map(rows -> {
            List<WorldAuditEntry> entries = new ArrayList<>();
            for (Row row : rows) {
                entries.add(new WorldAuditEntry(instant(row, "ts"), row.getString("action"), row.getString("detail"),
                        row.getString("actor")));
            }
            return entries;
        });
    }

    private static Uni<Void> audit(SqlClient tx, String action, String detail, String by) {
        return tx.preparedQuery(AUDIT).execute(Tuple.of(action, detail, by)).replaceWithVoid();
    }

    private Uni<StoredStatus> reloadAfterChange() {
        synchronized (this) {
            changes++;
        }
        return pool.query(READ).execute()
                .map(rows -> rows.iterator().hasNext() ? status(rows.iterator().next()) : StoredStatus.RUNNING)
                .map(this::remember);
    }

    private synchronized StoredStatus rememberUnlessChanged(long begun, StoredStatus status) {
        return begun == changes ? remember(status) : current;
    }

    private synchronized StoredStatus remember(StoredStatus status) {
        current = status;
        readAt = System.nanoTime();
        read = true;
        return status;
    }

    private static StoredStatus status(Row row) {
        return new StoredStatus(Boolean.TRUE.equals(row.getBoolean("paused")), row.getString("paused_by"),
                instant(row, "paused_at"), row.getString("event_kind"), instant(row, "event_started_at"),
                instant(row, "event_ends_at"), row.getString("event_by"));
    }

    private static Instant instant(Row row, String column) {
        OffsetDateTime at = row.getOffsetDateTime(column);
        return at == null ? null : at.toInstant();
    }

    private static OffsetDateTime utc(Instant at) {
        return at == null ? null : at.atOffset(ZoneOffset.UTC);
    }

}
