package com.langomni.orchestrator.moderation;

import com.langomni.orchestrator.auth.Admin;
import com.langomni.orchestrator.auth.CurrentPlayer;
import com.langomni.orchestrator.auth.Secured;
import com.langomni.orchestrator.common.QueryParams;
import com.langomni.support.error.ApiException;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestQuery;

/** What moderation flagged, and the world's moderation mode, for the admin panel. Admin token required. */
@Path("/api/admin/moderation")
@Secured
@Admin
@Produces(MediaType.APPLICATION_JSON)
public class AdminModerationResource {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;

    private final ModerationFlags flags;
    private final ModerationSettings settings;
    private final CurrentPlayer caller;

    AdminModerationResource(ModerationFlags flags, ModerationSettings settings, CurrentPlayer caller) {
        this.flags = flags;
        this.settings = settings;
        this.caller = caller;
    }

    /** The flags, newest first: {@code limit} 1-200 (50), {@code offset} from 0. */
    @GET
    public Uni<FlagPage> list(@RestQuery String limit, @RestQuery String offset) {
        int size = QueryParams.integer("limit", limit, DEFAULT_LIMIT);
        int from = QueryParams.integer("offset", offset, 0);
        if (size < 1 || size > MAX_LIMIT) {
            throw ApiException.badRequest("limit must be 1-" + MAX_LIMIT);
        }
        if (from < 0) {
            throw ApiException.badRequest("offset must be 0 or more");
        }
        return flags.page(size, from);
    }

    @GET
    @Path("/settings")
    public Uni<ModerationSetting> setting() {
        return settings.mode().map(mode -> new ModerationSetting(mode.wire()));
    }

    /** Sets the world's mode; in force at once here, on every replica within {@code setting-ttl}. */
    @PUT
    @Path("/settings")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<ModerationSetting> change(ModerationSetting request) {
        ModerationMode mode = request == null ? null : ModerationMode.of(request.mode());
        if (mode == null) {
            throw ApiException.badRequest("mode must be off, words or endpoint");
        }
        return settings.set(mode, caller.claims().name()).map(set -> new ModerationSetting(set.wire()));
    }
}
