package com.langomni.orchestrator.admin;

import com.langomni.orchestrator.memory.MemoryErasure;
import com.langomni.orchestrator.admin.metering.AdminMetering;
import com.langomni.orchestrator.admin.metering.BudgetRequest;
import com.langomni.orchestrator.admin.metering.PlayerSpend;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.server.Cancellable;
import com.langomni.orchestrator.auth.Admin;
import com.langomni.orchestrator.auth.CurrentPlayer;
import com.langomni.orchestrator.auth.Secured;
import com.langomni.orchestrator.common.QueryParams;

/** Players for the admin panel, and what an admin may do to one. Admin token required. */
@Path("/api/admin/players")
@Secured
@Admin
@Produces(MediaType.APPLICATION_JSON)
public class AdminPlayersResource {

    static final int DEFAULT_LIMIT = 50;

    private final AdminPlayers players;
    private final AdminActions actions;
    private final MemoryErasure erasure;
    private final CurrentPlayer caller;
    private final AdminMetering metering;
    private final AdminAccounts accounts;

    AdminPlayersResource(AdminPlayers players, AdminActions actions, MemoryErasure erasure, CurrentPlayer caller,
                         AdminMetering metering, AdminAccounts accounts) {
        this.players = players;
        this.actions = actions;
        this.accounts = accounts;
        this.erasure = erasure;
        this.caller = caller;
        this.metering = metering;
    }

    /** Players whose names contain {@code q}, online first, then by name; {@code limit} 1-200 (50), {@code offset}. */
    @GET
    public Uni<PlayerPage> list(@RestQuery String q, @RestQuery String limit, @RestQuery String offset) {
        return players.list(q, QueryParams.integer("limit", limit, DEFAULT_LIMIT),
                QueryParams.integer("offset", offset, 0));
    }

    @GET
    @Path("/{id}")
    public Uni<AdminPlayerDetail> detail(@RestPath String id) {
        return players.detail(id);
    }

    /** Closes the player's sockets: {@code {"kicked": true}}. */
    @POST
    @Path("/{id}/kick")
    public Uni<Map<String, Boolean>> kick(@RestPath String id) {
        return actions.kick(id, caller.claims().name()).replaceWith(Map.of("kicked", true));
    }

    /**
     * Bans the player for {@code minutes} (1-525600) with an optional {@code reason}: their tokens are refused at
     * once, their sockets closed, their logins refused until {@code bannedUntil}.
     */
    @POST
    @Path("/{id}/ban")
    @Consumes(MediaType.APPLICATION_JSON)
    @Cancellable(false) // a caller that gives up must not leave the ban half applied
    public Uni<BanResult> ban(@RestPath String id, BanRequest request) {
        return accounts.ban(id, request, caller.claims());
    }

    /** Lifts the ban: the player may log in again. 204. */
    @DELETE
    @Path("/{id}/ban")
    public Uni<RestResponse<Void>> unban(@RestPath String id) {
        return accounts.unban(id, caller.claims()).map(done -> RestResponse.noContent());
    }

    /** {@code {"role": "admin"|"player"}}: a change ends the player's sessions (they log in again with it). */
    @PUT
    @Path("/{id}/role")
    @Consumes(MediaType.APPLICATION_JSON)
    @Cancellable(false)
    public Uni<AdminPlayerDetail> setRole(@RestPath String id, RoleRequest request) {
        return accounts.setRole(id, request, caller.claims());
    }

    @POST
    @Path("/{id}/move")
    @Consumes(MediaType.APPLICATION_JSON)
    @Cancellable(false) // a caller that gives up must not cut a committed change short
    public Uni<AdminPlayerDetail> move(@RestPath String id, MoveRequest request) {
        return actions.move(id, request == null ? null : request.locationId(), caller.claims().name());
    }

    @POST
    @Path("/{id}/reset-hp")
    @Cancellable(false)
    public Uni<AdminPlayerDetail> resetHp(@RestPath String id) {
        return actions.resetHp(id, caller.claims().name());
    }

    /** Erases every memory about a player and their own history: {@code {"deleted": n}}; 503 when memory-service is down. */
    @DELETE
    @Path("/{id}/memories")
    public Uni<Map<String, Long>> eraseMemories(@RestPath String id) {
        return erasure.erasePlayer(id).map(deleted -> Map.of("deleted", deleted));
    }

    /** The player's LLM spend this hour and today, and the budget in force. */
    @GET
    @Path("/{id}/budget")
    public Uni<PlayerSpend> budget(@RestPath String id) {
        return metering.player(id);
    }

    /** Raises (or lowers) the player's budget: {@code {"perHour": n, "perDay": n}}; a null field is the default. */
    @PUT
    @Path("/{id}/budget")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<PlayerSpend> setBudget(@RestPath String id, BudgetRequest request) {
        return metering.setBudget(id, request);
    }

    /** Zeroes the player's spend of this hour and today, so they may use the model again at once. */
    @POST
    @Path("/{id}/budget/reset")
    public Uni<PlayerSpend> resetBudget(@RestPath String id) {
        return metering.reset(id);
    }
}
