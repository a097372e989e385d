package com.langomni.orchestrator.support;

import io.quarkus.redis.datasource.RedisDataSource;
import java.util.List;

/**
 * The narration cache is keyed on the place, not on who looks, so a test that needs a first look forgets what
 * earlier tests left in the cache (tests own their Redis database).
 */
public final class CachedNarrations {

    private CachedNarrations() {
    }

    public static void forget(RedisDataSource redis) {
        List<String> keys = redis.key().keys("langomni:narration-cache:*");
        if (!keys.isEmpty()) {
            redis.key().del(keys.toArray(String[]::new));
        }
    }
}
