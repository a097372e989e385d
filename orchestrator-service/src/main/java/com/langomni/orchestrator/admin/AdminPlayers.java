package com.langomni.orchestrator.admin;

import com.langomni.api.game.ItemView;
import com.langomni.orchestrator.game.rules.model.Location;
import com.langomni.orchestrator.game.rules.model.PlayerState;
import com.langomni.orchestrator.game.rules.Views;
import com.langomni.orchestrator.game.rules.model.World;
import com.langomni.orchestrator.game.state.PlayerMapper;
import com.langomni.orchestrator.game.EventEntity;
import com.langomni.orchestrator.game.EventRepository;
import com.langomni.orchestrator.game.state.PlayerEntity;
import com.langomni.orchestrator.game.state.PlayerRepository;
import com.langomni.support.error.ApiException;
import com.langomni.orchestrator.game.state.PlayerIds;
import com.langomni.orchestrator.game.state.PlayerSnapshot;
import com.langomni.orchestrator.game.state.PlayerStateStore;
import com.langomni.orchestrator.session.Presence;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import com.langomni.orchestrator.admin.stats.AdminStats;

/**
 * Players as the admin panel lists them: accounts from PostgreSQL, online first, with the game state from the
 * Redis hot copy where there is one (PostgreSQL's otherwise), their last action and how many they made today.
 */
@ApplicationScoped
public class AdminPlayers {

    public static final int MAX_LIMIT = 200;
    static final int RECENT_EVENTS = 20;

    private final PlayerRepository players;
    private final EventRepository events;
    private final PlayerStateStore states;
    private final Presence presence;
    private final World world;

    AdminPlayers(PlayerRepository players, EventRepository events, PlayerStateStore states, Presence presence,
                 World world) {
        this.players = players;
        this.events = events;
        this.states = states;
        this.presence = presence;
        this.world = world;
    }

    /** Players whose names contain {@code q} (case-insensitive), online first, then by name. */
    public Uni<PlayerPage> list(String q, int limit, int offset) {
        if (limit < 1 || limit > MAX_LIMIT) {
            return Uni.createFrom().failure(ApiException.badRequest("limit must be between 1 and " + MAX_LIMIT));
        }
        if (offset < 0) {
            return Uni.createFrom().failure(ApiException.badRequest("offset must be 0 or more"));
        }
        return AdminStats.orNull(presence.onlineIn(world.locations().keySet()), "presence")
                .map(online -> online == null ? Set.<String>of() : online)
                .chain(online -> Panache.withSession(() -> players.countNamed(q)
                        .chain(total -> players.pageNamed(q, uuids(online), offset, limit)
                                .chain(rows -> activity(rows).map(activity -> new Page(total, rows, activity)))))
                        .chain(page -> hotStates(page.rows()).map(hot -> new PlayerPage(page.total(),
                                page.rows().stream().map(row -> row(row, hot.get(row.id.toString()),
                                        online.contains(row.id.toString()), page.activity())).toList()))));
    }

    /** One player with inventory, creation time and newest events; 400 for a malformed id, 404 for no such player. */
    public Uni<AdminPlayerDetail> detail(String playerId) {
        Optional<UUID> parsed = PlayerIds.parse(playerId);
        if (parsed.isEmpty()) {
            return Uni.createFrom().failure(ApiException.badRequest("a player id is a UUID"));
        }
        UUID id = parsed.get();
        return Panache.withSession(() -> players.findById(id)
                        .chain(row -> {
                            if (row == null) {
                                throw ApiException.notFound("no player " + playerId);
                            }
                            return events.recent(id, RECENT_EVENTS)
                                    .chain(recent -> events.countsSince(List.of(id), startOfToday())
                                            .map(today -> new Found(row, recent, today.getOrDefault(id, 0L))));
                        }))
                .chain(found -> Uni.combine().all()
                        .unis(states.get(playerId), AdminStats.orNull(presence.isOnline(playerId), "presence"))
                        .with((hot, online) -> detail(found, hot, Boolean.TRUE.equals(online))));
    }

    private record Page(long total, List<PlayerEntity> rows, Activity activity) {
    }

    private record Activity(Map<UUID, EventEntity> latest, Map<UUID, Long> today) {
    }

    private record Found(PlayerEntity row, List<EventEntity> recent, long actionsToday) {
    }

    private Uni<Activity> activity(List<PlayerEntity> rows) {
        List<UUID> ids = rows.stream().map(row -> row.id).toList();
        return events.latest(ids).chain(latest -> events.countsSince(ids, startOfToday())
                .map(today -> new Activity(latest, today)));
    }

    /** Redis' hot copies; when Redis does not answer, the rows' own state serves. */
    private Uni<Map<String, PlayerSnapshot>> hotStates(List<PlayerEntity> rows) {
        return AdminStats.orNull(states.cached(rows.stream().map(row -> row.id.toString()).toList()), "hot states")
                .map(hot -> hot == null ? Map.<String, PlayerSnapshot>of() : hot);
    }

    private AdminPlayer row(PlayerEntity row, PlayerSnapshot hot, boolean online, Activity activity) {
        PlayerState state = hot != null ? hot.state() : PlayerMapper.toSnapshot(row).state();
        EventEntity last = activity.latest().get(row.id);
        return new AdminPlayer(row.id.toString(), row.name, row.role, online, state.locationId(),
                locationName(state.locationId()), state.hp(), state.maxHp(), lastAction(last),
                activity.today().getOrDefault(row.id, 0L), AdminPlayer.bannedUntil(row.bannedUntil, Instant.now()));
    }

    private AdminPlayerDetail detail(Found found, Optional<PlayerSnapshot> hot, boolean online) {
        PlayerEntity row = found.row();
        PlayerState state = hot.map(PlayerSnapshot::state).orElseGet(() -> PlayerMapper.toSnapshot(row).state());
        List<ItemView> inventory = Views.player(world, state).inventory();
        List<AdminPlayerDetail.Event> recent = found.recent().stream()
                .map(e -> new AdminPlayerDetail.Event(e.ts.toEpochMilli(), e.locationId, e.verb, e.text, e.success,
                        e.message))
                .toList();
        return new AdminPlayerDetail(row.id.toString(), row.name, row.role, online, state.locationId(),
                locationName(state.locationId()), state.hp(), state.maxHp(),
                lastAction(found.recent().isEmpty() ? null : found.recent().get(0)), found.actionsToday(),
                AdminPlayer.bannedUntil(row.bannedUntil, Instant.now()), inventory, row.createdAt.toEpochMilli(),
                recent);
    }

    private String locationName(String locationId) {
        return world.location(locationId).map(Location::name).orElse(null);
    }

    private static AdminPlayer.LastAction lastAction(EventEntity event) {
        return event == null ? null : new AdminPlayer.LastAction(event.text, event.ts.toEpochMilli());
    }

    private static List<UUID> uuids(Set<String> ids) {
        return ids.stream().map(PlayerIds::parse).flatMap(Optional::stream).toList();
    }

    private static Instant startOfToday() {
        return LocalDate.now(ZoneOffset.UTC).atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
