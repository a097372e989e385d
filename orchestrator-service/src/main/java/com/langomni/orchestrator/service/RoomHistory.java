package com.langomni.orchestrator.service;

import com.langomni.orchestrator.config.NarrationConfig;
import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.list.ReactiveListCommands;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The last few things that happened in each location, as narration context. Best effort: never fails an action. */
@ApplicationScoped
public class RoomHistory {

    private static final int KEPT = 20;

    private final ReactiveListCommands<String, String> lists;
    private final int recentEvents;

    RoomHistory(ReactiveRedisDataSource redis, NarrationConfig config) {
        this.lists = redis.list(String.class);
        this.recentEvents = config.recentEvents();
    }

    public Uni<Void> record(String locationId, String text) {
        String key = RedisKeys.recent(locationId);
        return lists.lpush(key, text)
                .chain(() -> lists.ltrim(key, 0, KEPT - 1))
                .onFailure().invoke(failure -> Log.debugf("Room history of %s not recorded: %s", locationId,
                        failure.getMessage()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** Newest last, as narrators read them. */
    public Uni<List<String>> recent(String locationId) {
        return lists.lrange(RedisKeys.recent(locationId), 0, recentEvents - 1)
                .map(newestFirst -> {
                    List<String> ordered = new ArrayList<>(newestFirst);
                    Collections.reverse(ordered);
                    return List.copyOf(ordered);
                })
                .onFailure().recoverWithItem(List.of());
    }
}
