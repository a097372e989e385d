package com.langomni.orchestrator.admin;

import com.langomni.orchestrator.game.state.PlayerRepository;
import com.langomni.support.error.ApiException;
import com.langomni.orchestrator.auth.AuthSessions;
import com.langomni.orchestrator.game.state.PlayerIds;
import com.langomni.orchestrator.session.Publisher;
import com.langomni.orchestrator.auth.TokenClaims;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What an admin does to an account: ban for a while, lift a ban, change the role. A ban or a role change ends every
 * session of the player (their tokens are refused from then on, on every gateway) and closes their sockets; a ban
 * also refuses their logins until it ends. An admin cannot do either to themselves.
 */
@ApplicationScoped
public class AdminAccounts {

    static final int MAX_BAN_MINUTES = 525_600;
    static final int MAX_REASON = 200;
    private static final Set<String> ROLES = Set.of(TokenClaims.ROLE_ADMIN, TokenClaims.ROLE_PLAYER);

    private final PlayerRepository rows;
    private final AuthSessions sessions;
    private final Publisher publisher;
    private final AdminPlayers admin;

    AdminAccounts(PlayerRepository rows, AuthSessions sessions, Publisher publisher, AdminPlayers admin) {
        this.rows = rows;
        this.sessions = sessions;
        this.publisher = publisher;
        this.admin = admin;
    }

    /** 400 for a bad request or oneself, 404 for no such player; the instant the ban ends. */
    public Uni<BanResult> ban(String playerId, BanRequest request, TokenClaims by) {
        UUID id;
        try {
            id = target(playerId, by, "ban");
            validate(request);
        } catch (ApiException refused) {
            return Uni.createFrom().failure(refused);
        }
        String reason = request.reason() == null || request.reason().isBlank() ? null : request.reason().strip();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant until = now.plus(Duration.ofMinutes(request.minutes()));
        return Panache.withTransaction(() -> rows.ban(id, until, reason, now)
                        .chain(version -> {
                            if (version == null) {
                                throw notFound(playerId);
                            }
                            return sessions.endedBy(id, version);
                        }))
                .call(sessions::forget)
                .call(() -> publisher.kick(playerId, "You are banned until " + until
                        + (reason == null ? "." : ": " + reason)))
                .invoke(ended -> Log.infof("Admin %s banned player %s until %s (%d sessions ended)", by.name(),
                        playerId, until, ended.size()))
                .map(ended -> new BanResult(until.toString()));
    }

    /** Lifts the ban: logins work again (tokens the ban ended stay refused). 404 for no such player. */
    public Uni<Void> unban(String playerId, TokenClaims by) {
        UUID id = PlayerIds.parse(playerId).orElse(null);
        if (id == null) {
            return Uni.createFrom().failure(ApiException.badRequest("a player id is a UUID"));
        }
        return Panache.withTransaction(() -> rows.unban(id, Instant.now()))
                .invoke(found -> {
                    if (!found) {
                        throw notFound(playerId);
                    }
                    Log.infof("Admin %s lifted the ban of player %s", by.name(), playerId);
                })
                .replaceWithVoid();
    }

    /**
     * Sets the role; a change ends the player's sessions (their tokens carry the old role) and closes their
     * sockets. The same role again changes nothing. The player's detail after it.
     */
    public Uni<AdminPlayerDetail> setRole(String playerId, RoleRequest request, TokenClaims by) {
        UUID id;
        try {
            id = target(playerId, by, "change the role of");
            if (request == null || request.role() == null || !ROLES.contains(request.role())) {
                throw ApiException.badRequest("role: admin or player");
            }
        } catch (ApiException refused) {
            return Uni.createFrom().failure(refused);
        }
        return Panache.withTransaction(() -> rows.changeRole(id, request.role(), Instant.now())
                        .chain(version -> version != null
                                ? sessions.endedBy(id, version).map(RoleChange::changed)
                                : rows.findById(id).map(row -> {
                                    if (row == null) {
                                        throw notFound(playerId);
                                    }
                                    return RoleChange.UNCHANGED;
                                })))
                .call(change -> change.changed() ? sessions.forget(change.ended()) : Uni.createFrom().voidItem())
                .call(change -> change.changed()
                        ? publisher.kick(playerId, "Your role changed; log in again.")
                        : Uni.createFrom().voidItem())
                .invoke(change -> {
                    if (change.changed()) {
                        Log.infof("Admin %s made player %s %s", by.name(), playerId, request.role());
                    }
                })
                .chain(() -> admin.detail(playerId));
    }

    /** Whether the role changed, and the sessions that ended with it. */
    private record RoleChange(boolean changed, List<UUID> ended) {

        static final RoleChange UNCHANGED = new RoleChange(false, List.of());

        static RoleChange changed(List<UUID> ended) {
            return new RoleChange(true, ended);
        }
    }

    private static UUID target(String playerId, TokenClaims by, String what) {
        UUID id = PlayerIds.parse(playerId).orElseThrow(() -> ApiException.badRequest("a player id is a UUID"));
        if (id.toString().equals(by.sub())) {
            throw ApiException.badRequest("an admin cannot " + what + " themselves");
        }
        return id;
    }

    private static void validate(BanRequest request) {
        if (request == null || request.minutes() == null) {
            throw ApiException.badRequest("a JSON body {minutes, reason} is required");
        }
        if (request.minutes() < 1 || request.minutes() > MAX_BAN_MINUTES) {
            throw ApiException.badRequest("minutes: 1 to " + MAX_BAN_MINUTES);
        }
        if (request.reason() != null && request.reason().strip().length() > MAX_REASON) {
            throw ApiException.badRequest("reason: at most " + MAX_REASON + " characters");
        }
    }

    private static ApiException notFound(String playerId) {
        return ApiException.notFound("no player " + playerId);
    }
}
