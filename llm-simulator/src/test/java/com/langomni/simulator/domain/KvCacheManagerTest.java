package com.langomni.simulator.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class KvCacheManagerTest {
    private final KvCacheManager kv = new KvCacheManager(4, 16);

    /** Allocates, registers every block and releases: the prefix stays cached and evictable. */
    private void cacheAndRelease(long... hashes) {
        KvCacheManager.Holding h = kv.allocate(hashes, hashes.length, hashes.length);
        assertNotNull(h);
        for (long hash : hashes) {
            kv.register(h, hash);
        }
        kv.release(h);
    }

    private int hitTokens(long... hashes) {
        KvCacheManager.Holding h = kv.allocate(hashes, hashes.length, hashes.length);
        int cached = h.cachedTokens();
        kv.release(h);
        return cached;
    }

    @Test
    void releasedBlocksStayCachedButCountAsFree() {
        cacheAndRelease(1, 2);
        assertEquals(0, kv.usage(), 1e-9);
        assertEquals(2, kv.cachedBlocks());
        assertEquals(32, hitTokens(1, 2));
    }

    @Test
    void evictsTheLeastRecentlyReleasedBlocksFirst() {
        cacheAndRelease(1, 2);
        cacheAndRelease(3, 4);
        assertEquals(32, hitTokens(1, 2)); // touching 1,2 makes 3,4 the oldest

        KvCacheManager.Holding fresh = kv.allocate(new long[] {9, 10}, 0, 2);
        assertNotNull(fresh);
        assertEquals(0.5, kv.usage(), 1e-9);
        kv.release(fresh);
        assertEquals(32, hitTokens(1, 2));
        assertEquals(0, hitTokens(3, 4));
    }

    @Test
    void aPrefixLosesItsTailBeforeItsHead() {
        cacheAndRelease(1, 2, 3, 4);
        KvCacheManager.Holding one = kv.allocate(new long[0], 0, 1);
        kv.release(one);
        assertEquals(48, hitTokens(1, 2, 3, 4), "block 4 went first");
    }

    @Test
    void blocksInUseAreSharedAndNeverEvicted() {
        KvCacheManager.Holding first = kv.allocate(new long[] {1, 2}, 2, 2);
        kv.register(first, 1);
        kv.register(first, 2);
        KvCacheManager.Holding second = kv.allocate(new long[] {1, 2}, 2, 3);
        assertEquals(32, second.cachedTokens(), "shares the running sequence's blocks");
        assertEquals(0.75, kv.usage(), 1e-9);
        assertNull(kv.allocate(new long[0], 0, 2), "only one block is left");
        kv.release(first);
        kv.release(second);
        assertEquals(0, kv.usage(), 1e-9);
    }

    @Test
    void hitsAreCappedSoTheLastTokenIsRecomputed() {
        cacheAndRelease(1, 2);
        KvCacheManager.Holding h = kv.allocate(new long[] {1, 2}, 1, 2);
        assertEquals(16, h.cachedTokens());
    }

    @Test
    void resetForgetsCachedPrefixes() {
        cacheAndRelease(1, 2);
        kv.resetPrefixCache();
        assertEquals(0, kv.cachedBlocks());
        assertEquals(0, hitTokens(1, 2));
        assertNotNull(kv.allocate(new long[0], 0, 4), "all four blocks are free again");
    }
}
