package com.langomni.orchestrator.session;

import com.langomni.orchestrator.narration.NarrationConfig;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.list.ReactiveListCommands;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import com.langomni.orchestrator.common.RedisKeys;

/**
 * The last few things that happened in each location, as narration context. Best effort: never fails an action.
 * {@link Publisher#roomEvent} records them, in the same script that publishes the event.
 */
@ApplicationScoped
public class RoomHistory {

    /** Texts kept per location. */
    static final int KEPT = 20;

    private final ReactiveListCommands<String, String> lists;
    private final int recentEvents;

    RoomHistory(ReactiveRedisDataSource redis, NarrationConfig config) {
        this.lists = redis.list(String.class);
        this.recentEvents = config.recentEvents();
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
