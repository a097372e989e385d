package com.langomni.orchestrator.game.state;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.langomni.orchestrator.game.rules.model.World;
import com.langomni.orchestrator.support.Database;
import com.langomni.orchestrator.support.TestPlayer;
import io.agroal.api.AgroalDataSource;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import com.langomni.orchestrator.common.RedisKeys;

/** A new world pack may drop the place a player stood in: they go on from the start, never stuck. */
@QuarkusTest
class RemovedLocationTests {

    @Inject
    World world;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    RedisDataSource redis;

    @Test
    void aPlayerWhoseLocationNoLongerExistsContinuesFromTheStart() {
        TestPlayer ada = TestPlayer.register();
        new Database(dataSource).update("update players set location_id = 'washed-away-bridge' where id = ?",
                UUID.fromString(ada.id()));
        redis.key().del(RedisKeys.playerState(ada.id()));

        assertEquals(world.startLocationId(), ada.get("/api/game/player/" + ada.id()).path("locationId"));
        assertEquals(world.startLocationId(), ada.ok("look").path("location.id"));
    }
}
