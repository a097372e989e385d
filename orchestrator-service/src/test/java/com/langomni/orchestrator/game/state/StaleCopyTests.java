package com.langomni.orchestrator.game.state;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.langomni.orchestrator.game.rules.model.World;
import com.langomni.orchestrator.support.CuttableRedis;
import com.langomni.orchestrator.support.TestPlayer;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import com.langomni.orchestrator.common.RedisKeys;

/**
 * Redis goes away between a commit and its write-through, then comes back on its files with the copy from before
 * the commit: that copy must never be served (the fault drill "Redis restart" found it served).
 */
@QuarkusTest
@TestProfile(StaleCopyTests.BehindACut.class)
class StaleCopyTests {

    public static class BehindACut implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(CuttableRedis.class));
        }
    }

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Inject
    PlayerStateStore store;

    @Inject
    RedisDataSource redis;

    @Inject
    World world;

    @Inject
    ObjectMapper json;

    @AfterEach
    void mend() {
        CuttableRedis.mend();
    }

    @Test
    void aCopyOlderThanTheCommitIsReadPastAndDroppedWhenRedisIsBack() throws Exception {
        TestPlayer player = TestPlayer.register();
        PlayerSnapshot stored = stored(player);
        leaveOldCopy(stored);

        CuttableRedis.cut();
        store.put(stored.next(stored.state())).await().atMost(WAIT); // the write-through of a commit: it fails
        CuttableRedis.mend();

        assertEquals(world.startLocationId(), store.get(player.id()).await().atMost(WAIT).orElseThrow()
                .state().locationId());
        assertEquals(world.startLocationId(), player.get("/api/game/player/" + player.id()).path("locationId"));
    }

    @Test
    void theOldCopyIsDroppedEvenIfNobodyReadsThePlayer() throws Exception {
        TestPlayer player = TestPlayer.register();
        PlayerSnapshot stored = stored(player);
        String old = leaveOldCopy(stored);

        CuttableRedis.cut();
        store.put(stored.next(stored.state())).await().atMost(WAIT);
        CuttableRedis.mend();

        // another replica reads Redis directly: the copy must go without a read here
        await().atMost(WAIT).until(() -> !old.equals(redis.value(String.class).get(RedisKeys.playerState(player.id()))));
    }

    private PlayerSnapshot stored(TestPlayer player) {
        return store.reload(player.id()).await().atMost(WAIT).orElseThrow();
    }

    /** The hot copy as it was before the commit: the player stood elsewhere. */
    private String leaveOldCopy(PlayerSnapshot stored) throws Exception {
        String elsewhere = world.locations().keySet().stream()
                .filter(id -> !id.equals(world.startLocationId())).findFirst().orElseThrow();
        String old = json.writeValueAsString(new PlayerSnapshot(stored.state().withLocation(elsewhere),
                stored.version()));
        redis.value(String.class).set(RedisKeys.playerState(stored.state().id()), old);
        return old;
    }
}
