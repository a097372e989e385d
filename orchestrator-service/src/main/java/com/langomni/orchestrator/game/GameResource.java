package com.langomni.orchestrator.game;

import com.langomni.api.game.ActionRequest;
import com.langomni.api.game.ActionResult;
import com.langomni.api.game.LocationView;
import com.langomni.api.game.NpcView;
import com.langomni.api.game.PlayerView;
import com.langomni.api.quest.QuestLogView;
import com.langomni.orchestrator.game.quest.QuestProgression;
import io.smallrye.mutiny.Uni;
import org.jboss.resteasy.reactive.server.Cancellable;
import jakarta.ws.rs.Consumes;
import com.langomni.api.game.HelpView;
import com.langomni.words.HelpText;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import com.langomni.orchestrator.auth.CurrentPlayer;
import com.langomni.orchestrator.auth.Secured;
import com.langomni.orchestrator.auth.TokenClaims;
import com.langomni.orchestrator.party.Parties;
import com.langomni.api.game.PartyView;
import com.langomni.support.error.ApiException;

/** The game API; every call carries the player's bearer token. */
@Path("/api/game")
@Secured
@Produces(MediaType.APPLICATION_JSON)
public class GameResource {

    private final ActionService actions;
    private final ViewService views;
    private final CurrentPlayer caller;
    private final QuestProgression quests;
    private final Parties parties;

    GameResource(ActionService actions, ViewService views, CurrentPlayer caller, QuestProgression quests,
                 Parties parties) {
        this.parties = parties;
        this.actions = actions;
        this.views = views;
        this.caller = caller;
        this.quests = quests;
    }

    /** The caller's quest log: active quests first, then done ones, with the XP and reputation they earned. */
    @GET
    @Path("/quests")
    public Uni<QuestLogView> quests() {
        return quests.view(caller.id());
    }

    /** Applies one action of the caller; the result also goes out on the player's Redis channel. */
    @POST
    @Path("/action")
    @Consumes(MediaType.APPLICATION_JSON)
    @Cancellable(false) // a caller that gives up must not cut a committed action short
    public Uni<ActionResult> act(ActionRequest request) {
        return actions.perform(caller.id(), request);
    }

    /**
     * A player's own state (HP, place, inventory): 403 for anyone else's but an admin's, whether that player exists
     * or not. What others may know of a player (name, presence in a place) is in the location view.
     */
    @GET
    @Path("/player/{id}")
    public Uni<PlayerView> player(@PathParam("id") String id) {
        if (!id.equals(caller.id()) && !TokenClaims.ROLE_ADMIN.equals(caller.claims().role())) {
            throw ApiException.forbidden("a player's state is theirs alone");
        }
        return views.player(id);
    }

    @GET
    @Path("/world/{locationId}")
    public Uni<LocationView> location(@PathParam("locationId") String locationId) {
        return views.location(locationId);
    }

    /** The caller's party: members in the order they joined (the leader first) and where each is. */
    @GET
    @Path("/party")
    public Uni<PartyView> party() {
        return parties.view(caller.id());
    }

    /** The command list the {@code help} command gives, for the web client's help panel. */
    @GET
    @Path("/help")
    public HelpView help() {
        return new HelpView(HelpText.TEXT);
    }

    @GET
    @Path("/npcs/{locationId}")
    public List<NpcView> npcs(@PathParam("locationId") String locationId) {
        return views.npcs(locationId);
    }
}
