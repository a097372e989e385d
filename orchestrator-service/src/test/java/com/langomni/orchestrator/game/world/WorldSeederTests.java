package com.langomni.orchestrator.game.world;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.langomni.orchestrator.game.rules.model.World;
import com.langomni.orchestrator.support.Database;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class WorldSeederTests {

    @Inject
    WorldSeeder seeder;

    @Inject
    World world;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void thePackIsInTheWorldTables() {
        Database db = new Database(dataSource);
        assertEquals((long) world.locations().size(), count(db, "locations"));
        assertEquals((long) world.npcs().size(), count(db, "npcs"));
        assertEquals((long) world.items().size(), count(db, "items"));
        assertEquals((long) world.creatures().size(), count(db, "creatures"));
        Map<String, Object> pack = db.one("select version, checksum from world_pack");
        assertEquals(world.version(), pack.get("version"));
        assertEquals(WorldChecksum.of(world), pack.get("checksum"));
        String start = world.startLocationId();
        assertEquals(world.locations().get(start).name(),
                db.one("select definition->>'name' as name from locations where id = ?", start).get("name"));
    }

    @Test
    void seedingIsIdempotentAndRedoneWhenTheChecksumChanges() throws Throwable {
        Database db = new Database(dataSource);
        assertFalse(VertxContextSupport.subscribeAndAwait(seeder::seed));

        db.update("update world_pack set checksum = 'an older pack'");
        db.update("delete from items where id = ?", world.items().keySet().iterator().next());
        assertTrue(VertxContextSupport.subscribeAndAwait(seeder::seed));

        assertEquals(WorldChecksum.of(world), db.one("select checksum from world_pack").get("checksum"));
        assertEquals((long) world.items().size(), count(db, "items"));
        assertFalse(VertxContextSupport.subscribeAndAwait(seeder::seed));
    }

    private static long count(Database db, String table) {
        return ((Number) db.one("select count(*) as n from " + table).get("n")).longValue();
    }
}
