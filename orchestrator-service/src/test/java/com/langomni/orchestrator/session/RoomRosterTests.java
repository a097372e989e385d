package com.langomni.orchestrator.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.langomni.api.game.PlayerRef;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import com.langomni.orchestrator.common.RedisKeys;

/** A room's roster stays bounded however many stand there, and the viewer is always in it. */
@QuarkusTest
class RoomRosterTests {

    @Inject
    RoomRoster roster;

    @Inject
    RedisDataSource redis;

    @ConfigProperty(name = "langomni.game.crowd.max-listed")
    int maxListed;

    /** A location of its own (no world location has this id), so no other test's players are in it. */
    private final String room = "crowd-" + UUID.randomUUID();

    @AfterEach
    void clear() {
        redis.key().del(RedisKeys.presence(room));
    }

    @Test
    void aSmallRoomListsEveryoneByName() {
        fill(3);
        List<PlayerRef> listed = present(null);
        assertEquals(List.of("p000", "p001", "p002"), listed.stream().map(PlayerRef::name).toList());
    }

    @Test
    void aCrowdIsSampledToTheLimitWithTheViewerAlwaysListed() {
        Map<String, String> crowd = fill(maxListed * 20);
        String viewer = crowd.keySet().iterator().next();

        for (int i = 0; i < 5; i++) {
            List<PlayerRef> listed = present(viewer);
            assertEquals(maxListed, listed.size());
            assertEquals(maxListed, new HashSet<>(listed).size(), "nobody twice");
            assertTrue(listed.stream().anyMatch(p -> p.id().equals(viewer)), "the viewer is listed");
            assertTrue(listed.stream().allMatch(p -> p.name().equals(crowd.get(p.id()))), "names from presence");
            assertEquals(listed.stream().map(PlayerRef::name).sorted(String.CASE_INSENSITIVE_ORDER).toList(),
                    listed.stream().map(PlayerRef::name).toList(), "by name");
        }
    }

    @Test
    void aViewerWhoIsNotThereIsNotAdded() {
        fill(maxListed * 2);
        List<PlayerRef> listed = present(UUID.randomUUID().toString());
        assertEquals(maxListed, listed.size());
    }

    private List<PlayerRef> present(String viewerId) {
        return roster.present(room, viewerId).await().atMost(Duration.ofSeconds(5));
    }

    private Map<String, String> fill(int players) {
        Map<String, String> crowd = new HashMap<>();
        for (int i = 0; i < players; i++) {
            crowd.put(UUID.randomUUID().toString(), String.format("p%03d", i));
        }
        redis.hash(String.class).hset(RedisKeys.presence(room), crowd);
        return crowd;
    }
}
