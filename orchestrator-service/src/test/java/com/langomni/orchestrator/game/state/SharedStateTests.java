package com.langomni.orchestrator.game.state;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.langomni.orchestrator.game.rules.model.ItemDef;
import com.langomni.orchestrator.game.rules.model.World;
import com.langomni.orchestrator.support.Database;
import com.langomni.orchestrator.support.TestPlayer;
import com.langomni.orchestrator.support.TestWorld;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Location state is shared between players: the row lock keeps one item from ending up in two packs. */
@QuarkusTest
class SharedStateTests {

    @Inject
    World world;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void twoPlayersGrabbingTheSameItemAtOnceGetItOnlyOnce() {
        TestWorld map = new TestWorld(world);
        TestWorld.Route route = map.routeTo(l -> !map.takeable(l).isEmpty());
        TestPlayer ada = TestPlayer.register();
        TestPlayer bob = TestPlayer.register();
        ItemDef item = map.takeableNow(ada, route.destination()).get(0);
        for (String direction : route.directions()) {
            ada.ok("go " + direction);
            bob.ok("go " + direction);
        }
        Database db = new Database(dataSource);

        for (int round = 0; round < 3; round++) {
            CompletableFuture<Response> adaTakes = CompletableFuture.supplyAsync(() -> ada.ok("take " + item.name()));
            CompletableFuture<Response> bobTakes = CompletableFuture.supplyAsync(() -> bob.ok("take " + item.name()));
            List<String> adaPack = adaTakes.join().path("player.inventory.id");
            List<String> bobPack = bobTakes.join().path("player.inventory.id");

            long holders = (adaPack.contains(item.id()) ? 1 : 0) + (bobPack.contains(item.id()) ? 1 : 0);
            assertEquals(1, holders, "round " + round + ": ada " + adaPack + ", bob " + bobPack);
            String ground = (String) db.one("select items::text as items from location_state where location_id = ?",
                    route.destination().id()).get("items");
            assertEquals(-1, ground.indexOf("\"" + item.id() + "\""), ground);

            (adaPack.contains(item.id()) ? ada : bob).ok("drop " + item.name());
        }
    }
}
