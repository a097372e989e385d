package com.langomni.orchestrator.game.world;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.langomni.orchestrator.game.rules.model.World;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Loads the world pack into the world tables at startup, idempotently: nothing happens while the stored checksum
 * matches; a changed pack replaces the tables in one transaction. Replicas starting together serialise on an
 * advisory lock. Player and location state are not touched.
 */
@ApplicationScoped
public class WorldSeeder {

    private static final TypeReference<Map<String, Object>> DOCUMENT = new TypeReference<>() {
    };

    private final World world;
    private final WorldRepository repository;
    private final ObjectMapper json;

    WorldSeeder(World world, WorldRepository repository, ObjectMapper json) {
        this.world = world;
        this.repository = repository;
        this.json = json;
    }

    void onStart(@Observes StartupEvent event) throws Throwable {
        VertxContextSupport.subscribeAndAwait(this::seed);
    }

    /** True when the tables were (re)written, false when they already held this pack. */
    public Uni<Boolean> seed() {
        String checksum = WorldChecksum.of(world);
        return Panache.withTransaction(() -> repository.lockForSeeding()
                .chain(repository::current)
                .chain(current -> {
                    if (current != null && checksum.equals(current.checksum)) {
                        Log.infof("World pack %s already seeded (checksum %s)", world.version(), shortSum(checksum));
                        return Uni.createFrom().item(false);
                    }
                    return repository.replace(world.version(), checksum, definitions())
                            .invoke(() -> Log.infof("World pack %s seeded (checksum %s)", world.version(),
                                    shortSum(checksum)))
                            .replaceWith(true);
                }));
    }

    private List<WorldDefinitionEntity> definitions() {
        List<WorldDefinitionEntity> rows = new ArrayList<>();
        world.locations().values().forEach(l -> rows.add(LocationDefinitionEntity.of(l.id(), l.name(), document(l))));
        world.npcs().values().forEach(n -> rows.add(NpcDefinitionEntity.of(n.id(), n.name(), n.locationId(), document(n))));
        world.items().values().forEach(i -> rows.add(ItemDefinitionEntity.of(i.id(), i.name(), document(i))));
        world.creatures().values().forEach(c -> rows.add(CreatureDefinitionEntity.of(c.id(), c.name(), document(c))));
        return rows;
    }

    private Map<String, Object> document(Object definition) {
        return json.convertValue(definition, DOCUMENT);
    }

    private static String shortSum(String checksum) {
        return checksum.substring(0, 12);
    }
}
