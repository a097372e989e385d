package com.langomni.orchestrator.game.world;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/** The world tables: replaced as a whole when a different pack is loaded. */
@ApplicationScoped
public class WorldRepository {

    /** Serialises seeding across replicas that start at the same time; released at commit. */
    private static final long SEED_LOCK_KEY = 0x4c4f4d4e49L; // "LOMNI"

    public Uni<Void> lockForSeeding() {
        return Panache.getSession().flatMap(session -> session
                .createNativeQuery("select cast(pg_advisory_xact_lock(:key) as text)")
                .setParameter("key", SEED_LOCK_KEY)
                .getSingleResult()
                .replaceWithVoid());
    }

    public Uni<WorldPackEntity> current() {
        return WorldPackEntity.findById(WorldPackEntity.SINGLETON_ID);
    }

    /** Deletes every definition and inserts the given ones, then records the pack. Runs in the caller's transaction. */
    public Uni<Void> replace(String version, String checksum, List<? extends WorldDefinitionEntity> definitions) {
        return LocationDefinitionEntity.deleteAll()
                .chain(() -> NpcDefinitionEntity.deleteAll())
                .chain(() -> ItemDefinitionEntity.deleteAll())
                .chain(() -> CreatureDefinitionEntity.deleteAll())
                .chain(() -> Panache.getSession())
                .chain(session -> session.persistAll(definitions.toArray()))
                .chain(this::current)
                .chain(existing -> {
                    WorldPackEntity pack = existing != null ? existing : new WorldPackEntity();
                    pack.version = version;
                    pack.checksum = checksum;
                    pack.loadedAt = Instant.now();
                    return pack.persist();
                })
                .replaceWithVoid();
    }
}
