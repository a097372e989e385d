package com.langomni.orchestrator.admin;

import com.langomni.orchestrator.game.rules.model.Whereabouts;
import com.langomni.orchestrator.game.rules.world.GameClock;
import com.langomni.api.memory.MemoryHit;
import com.langomni.api.memory.MemoryRecord;
import com.langomni.api.memory.MemorySearch;
import com.langomni.orchestrator.memory.client.MemoryClient;
import com.langomni.orchestrator.game.rules.model.Location;
import com.langomni.orchestrator.game.rules.model.Npc;
import com.langomni.orchestrator.game.rules.model.World;
import com.langomni.support.error.ApiException;
import com.langomni.orchestrator.memory.MemoryOwners;
import com.langomni.orchestrator.npc.NpcConversations;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import com.langomni.orchestrator.admin.stats.AdminStats;

/**
 * NPCs as the admin panel shows them: who and where they are (the world pack), how many players talk with them now
 * (Redis) and what they remember (memory-service). memory-service down leaves the list and the detail answering
 * without memories; the memory endpoints themselves answer 503.
 */
@ApplicationScoped
public class AdminNpcs {

    public static final int DETAIL_MEMORIES = 50;
    public static final int MAX_LIMIT = 50;

    private final World world;
    private final NpcConversations conversations;
    private final MemoryClient memory;
    private final Duration timeout;
    private final GameClock clock;

    AdminNpcs(World world, NpcConversations conversations, MemoryClient memory, AdminConfig config, GameClock clock) {
        this.world = world;
        this.clock = clock;
        this.conversations = conversations;
        this.memory = memory;
        this.timeout = config.memoryTimeout();
    }

    /** Every NPC, by name. */
    public Uni<List<AdminNpc>> list() {
        List<Npc> npcs = world.npcs().values().stream()
                .sorted(Comparator.comparing(Npc::name, String.CASE_INSENSITIVE_ORDER)).toList();
        Uni<Map<String, Long>> talking = AdminStats.orNull(conversations.liveCounts(), "conversation counts");
        Uni<List<Long>> counts = npcs.isEmpty() ? Uni.createFrom().item(List.of())
                : Uni.join().all(npcs.stream().map(npc -> count(npc.id())).toList()).andFailFast();
        return Uni.combine().all().unis(talking, counts).asTuple().map(found -> {
            List<AdminNpc> rows = new ArrayList<>(npcs.size());
            for (int i = 0; i < npcs.size(); i++) {
                rows.add(row(npcs.get(i), found.getItem1(), found.getItem2().get(i)));
            }
            return rows;
        });
    }

    /** One NPC with persona, knowledge and newest memories; 404 for an unknown NPC. */
    public Uni<AdminNpcDetail> detail(String npcId) {
        Npc npc = npc(npcId);
        Uni<Map<String, Long>> talking = AdminStats.orNull(conversations.liveCounts(), "conversation counts");
        Uni<List<MemoryRecord>> newest = AdminStats.orNull(recallable(memory.list(MemoryOwners.npc(npc.id()),
                DETAIL_MEMORIES)), "NPC memories");
        return Uni.combine().all().unis(talking, count(npc.id()), newest)
                .with((talks, count, memories) -> {
                    AdminNpc row = row(npc, talks, count);
                    return new AdminNpcDetail(row.id(), row.name(), row.title(), row.locationId(), row.locationName(),
                            row.conversations(), count, npc.persona(), npc.knowledge(),
                            memories == null ? List.of() : memories, memories != null);
                });
    }

    /** The NPC's memories: the best for {@code q}, or the newest without; 503 when memory-service is down. */
    public Uni<List<MemoryRecord>> memories(String npcId, String q, int limit) {
        String owner = MemoryOwners.npc(npc(npcId).id());
        if (limit < 1 || limit > MAX_LIMIT) {
            return Uni.createFrom().failure(ApiException.badRequest("limit must be between 1 and " + MAX_LIMIT));
        }
        Uni<List<MemoryRecord>> found = q == null || q.isBlank()
                ? memory.list(owner, limit)
                : memory.search(new MemorySearch(owner, q.strip(), limit))
                        .map(hits -> hits.stream().map(MemoryHit::memory).toList());
        return unavailableIfDown(recallable(found), npcId);
    }

    /** Deletes one memory of the NPC; 404 when it is no memory of that NPC, 503 when memory-service is down. */
    public Uni<Void> deleteMemory(String npcId, String memoryId) {
        String owner = MemoryOwners.npc(npc(npcId).id());
        Uni<Boolean> deleted = recallable(memory.get(memoryId))
                .chain(found -> found.isPresent() && owner.equals(found.get().ownerId())
                        ? recallable(memory.delete(memoryId))
                        : Uni.createFrom().item(false));
        return unavailableIfDown(deleted, npcId).invoke(done -> {
            if (!done) {
                throw ApiException.notFound("no memory " + memoryId + " of " + npcId);
            }
            Log.infof("Memory %s of NPC %s deleted by an admin", memoryId, npcId);
        }).replaceWithVoid();
    }

    private Npc npc(String npcId) {
        return world.npc(npcId).orElseThrow(() -> ApiException.notFound("no NPC " + npcId));
    }

    /** The NPC's memory count, null when memory-service does not answer in time. */
    private Uni<Long> count(String npcId) {
        return AdminStats.orNull(recallable(memory.count(MemoryOwners.npc(npcId))), "memory count");
    }

    private <T> Uni<T> recallable(Uni<T> call) {
        return call.ifNoItem().after(timeout).fail();
    }

    private static <T> Uni<T> unavailableIfDown(Uni<T> call, String npcId) {
        return call.onFailure(failure -> !(failure instanceof ApiException)).transform(failure -> {
            Log.debugf("memory-service failed for NPC %s: %s", npcId, failure.toString());
            return ApiException.unavailable("memory-service is unavailable");
        });
    }

    /** Where the NPC is now, by their schedule ({@link Whereabouts}). */
    private AdminNpc row(Npc npc, Map<String, Long> talking, Long memories) {
        String at = Whereabouts.locationOf(npc, clock.at(System.currentTimeMillis()));
        return new AdminNpc(npc.id(), npc.name(), npc.title(), at,
                world.location(at).map(Location::name).orElse(null),
                talking == null ? null : talking.getOrDefault(npc.id(), 0L), memories);
    }
}
