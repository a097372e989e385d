package com.langomni.orchestrator.moderation;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The flags in PostgreSQL ({@code moderation_flags}): recorded as they happen, listed for the admins. */
@ApplicationScoped
public class ModerationFlags {

    private static final String INSERT = """
            insert into moderation_flags (source, player_id, action_id, text, categories, checker)
            values ($1, $2, $3, $4, $5, $6) on conflict do nothing""";
    private static final String PAGE = """
            select f.id, f.ts, f.source, f.player_id, p.name, f.action_id, f.text, f.categories, f.checker
              from moderation_flags f left join players p on p.id = f.player_id
             order by f.ts desc, f.id desc limit $1 offset $2""";
    private static final String COUNT = "select count(*) from moderation_flags";

    private final Pool pool;

    ModerationFlags(Pool pool) {
        this.pool = pool;
    }

    Uni<Void> record(String source, String playerId, String actionId, String text, Verdict verdict) {
        return pool.preparedQuery(INSERT).execute(Tuple.of(source, playerId == null ? null : UUID.fromString(playerId),
                        actionId, text, new JsonArray(new ArrayList<>(verdict.categories())), verdict.checker()))
                .replaceWithVoid();
    }

    public Uni<FlagPage> page(int limit, int offset) {
        Uni<Long> total = pool.query(COUNT).execute().map(rows -> rows.iterator().next().getLong(0));
        Uni<List<ModerationFlag>> flags = pool.preparedQuery(PAGE).execute(Tuple.of(limit, offset))
                .map(rows -> {
                    List<ModerationFlag> page = new ArrayList<>();
                    rows.forEach(row -> page.add(flag(row)));
                    return page;
                });
        return Uni.combine().all().unis(total, flags).with(FlagPage::new);
    }

    private static ModerationFlag flag(Row row) {
        UUID player = row.getUUID("player_id");
        JsonArray categories = (JsonArray) row.getJson("categories");
        List<String> why = new ArrayList<>();
        categories.forEach(c -> why.add(String.valueOf(c)));
        return new ModerationFlag(row.getLong("id"), row.getOffsetDateTime("ts").toInstant(), row.getString("source"),
                player == null ? null : player.toString(), row.getString("name"), row.getString("action_id"),
                row.getString("text"), why, row.getString("checker"));
    }
}
