package com.langomni.memory.service;

import com.github.benmanes.caffeine.cache.Cache;
import org.junit.jupiter.api.Test;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The rank endpoint's embedding cache (Caffeine) keeps to the configured size. */
class RankCacheTest {

    @Test
    void evictsEntriesBeyondItsSize() {
        Cache<String, float[]> cache = RankService.embeddingCache(2);
        cache.put("a", new float[] {1});
        cache.put("b", new float[] {2});
        assertArrayEquals(new float[] {1}, cache.getIfPresent("a"));
        cache.put("c", new float[] {3});
        cache.cleanUp(); // eviction may run in the background; this finishes it before counting
        assertEquals(2, cache.estimatedSize());
        assertEquals(2, Stream.of("a", "b", "c").filter(k -> cache.getIfPresent(k) != null).count());

        Cache<String, float[]> larger = RankService.embeddingCache(100);
        for (int i = 0; i < 1_000; i++) {
            larger.put("line " + i, new float[] {i});
        }
        larger.cleanUp();
        assertEquals(100, larger.estimatedSize());
    }

    @Test
    void sizeMustBePositive() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RankService.embeddingCache(0));
        assertEquals("langomni.memory.rank.cache-size must be >= 1", e.getMessage());
    }
}
