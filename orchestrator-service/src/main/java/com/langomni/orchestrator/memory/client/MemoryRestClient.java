package com.langomni.orchestrator.memory.client;

import com.langomni.api.memory.MemoryHit;
import com.langomni.api.memory.MemoryRecord;
import com.langomni.api.memory.MemorySearch;
import com.langomni.api.memory.MemoryWrite;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import com.langomni.support.auth.ServiceTokenClientFilter;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** memory-service; only {@link MemoryClient} calls it. */
@RegisterRestClient(configKey = "memory")
@RegisterProvider(ServiceTokenClientFilter.class) // the internal endpoints want our service token
@Path("/api/memories")
interface MemoryRestClient {

    @POST
    Uni<MemoryRecord> write(@HeaderParam(MemoryWrite.IDEMPOTENCY_KEY) String key, MemoryWrite memory);

    @POST
    @Path("/search")
    Uni<List<MemoryHit>> search(MemorySearch search);

    @DELETE
    Uni<MemoriesDeleted> deleteAbout(@QueryParam("subject") String subjectId);

    @DELETE
    Uni<MemoriesDeleted> deleteOwned(@QueryParam("owner") String ownerId);

    @GET
    Uni<List<MemoryRecord>> list(@QueryParam("owner") String ownerId, @QueryParam("limit") int limit);

    @GET
    @Path("/count")
    Uni<MemoryCount> count(@QueryParam("owner") String ownerId);

    @GET
    @Path("/{id}")
    Uni<MemoryRecord> get(@PathParam("id") String id);

    @DELETE
    @Path("/{id}")
    Uni<Void> delete(@PathParam("id") String id);

    @GET
    @Path("/stats")
    Uni<MemoryStoreStats> stats();
}
