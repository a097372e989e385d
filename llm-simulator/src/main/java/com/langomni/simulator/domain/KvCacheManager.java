package com.langomni.simulator.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The paged KV cache with automatic prefix caching, in blocks. One pool of {@code capacity} blocks is
 * shared by running sequences and by the prefix cache: a block that no running sequence references
 * keeps its contents (and its hash) and is reused on a hit until an allocation evicts it, least
 * recently released first. This mirrors vLLM's free-block queue, where cached blocks are free but
 * evictable.
 */
public final class KvCacheManager {
    private final int capacity;
    private final int blockSize;
    /** Blocks holding nothing worth keeping. */
    private int empty;
    /** Blocks referenced by at least one running sequence, hashed or not. */
    private int inUse;
    private final Map<Long, Block> byHash = new HashMap<>();
    /** Hashed blocks with no reference, oldest release first (the eviction order). */
    private final LinkedHashMap<Long, Block> evictable = new LinkedHashMap<>();

    private static final class Block {
        final long hash;
        int refs;
        boolean registered = true;

        Block(long hash) {
            this.hash = hash;
        }
    }

    /** The blocks one sequence holds: shared hashed ones plus blocks it has written but not hashed. */
    public static final class Holding {
        private final List<Block> hashed = new ArrayList<>();
        private int unhashed;
        private final int cachedTokens;

        private Holding(int cachedTokens) {
            this.cachedTokens = cachedTokens;
        }

        /** Prompt tokens found in the cache, which need no prefill. */
        public int cachedTokens() {
            return cachedTokens;
        }
    }

    public KvCacheManager(int capacity, int blockSize) {
        if (capacity < 1 || blockSize < 1) {
            throw new IllegalArgumentException("capacity and block size must be positive");
        }
        this.capacity = capacity;
        this.blockSize = blockSize;
        this.empty = capacity;
    }

    public int blockSize() {
        return blockSize;
    }

    public int capacity() {
        return capacity;
    }

    /** Fraction of blocks referenced by running sequences (vLLM's kv_cache_usage_perc). */
    public double usage() {
        return (double) inUse / capacity;
    }

    /** Cached blocks that a new prompt could hit. */
    public int cachedBlocks() {
        return byHash.size();
    }

    /**
     * Reserves {@code totalBlocks} for a sequence whose full prompt blocks hash to {@code promptHashes},
     * reusing the longest cached prefix. At most {@code maxHitBlocks} leading blocks are taken from the
     * cache (vLLM always recomputes the last prompt token). Returns null when the pool cannot supply it.
     */
    public Holding allocate(long[] promptHashes, int maxHitBlocks, int totalBlocks) {
        int hits = 0;
        int hitsEvictable = 0;
        while (hits < Math.min(promptHashes.length, maxHitBlocks)) {
            Block b = byHash.get(promptHashes[hits]);
            if (b == null) {
                break;
            }
            if (b.refs == 0) {
                hitsEvictable++;
            }
            hits++;
        }
        int fresh = totalBlocks - hits;
        if (fresh > empty + evictable.size() - hitsEvictable) {
            return null;
        }
        Holding holding = new Holding(hits * blockSize);
        for (int i = 0; i < hits; i++) {
            Block b = byHash.get(promptHashes[i]);
            if (b.refs++ == 0) {
                evictable.remove(b.hash);
                inUse++;
            }
            holding.hashed.add(b);
        }
        for (int i = 0; i < fresh; i++) {
            if (empty > 0) {
                empty--;
            } else {
                evictOldest();
            }
        }
        inUse += fresh;
        holding.unhashed = fresh;
        return holding;
    }

    /** Marks one of the holding's written blocks as a full block with this prefix hash, shareable from now. */
    public void register(Holding holding, long hash) {
        if (holding.unhashed == 0 || byHash.containsKey(hash)) {
            return; // another sequence computed the same block first; ours stays private
        }
        Block b = new Block(hash);
        b.refs = 1;
        byHash.put(hash, b);
        holding.hashed.add(b);
        holding.unhashed--;
    }

    /** Returns a finished or aborted sequence's blocks; hashed ones stay cached until evicted. */
    public void release(Holding holding) {
        // later blocks of a sequence are less likely to be shared, so they are released (and evicted) first
        for (int i = holding.hashed.size() - 1; i >= 0; i--) {
            Block b = holding.hashed.get(i);
            if (--b.refs == 0) {
                inUse--;
                if (b.registered) {
                    evictable.put(b.hash, b);
                } else {
                    empty++;
                }
            }
        }
        inUse -= holding.unhashed;
        empty += holding.unhashed;
        holding.hashed.clear();
        holding.unhashed = 0;
    }

    /** Forgets every cached prefix (vLLM's /reset_prefix_cache); blocks in use stay allocated. */
    public void resetPrefixCache() {
        empty += evictable.size();
        evictable.clear();
        for (Block b : byHash.values()) {
            b.registered = false;
        }
        byHash.clear();
    }

    private void evictOldest() {
        Iterator<Block> oldest = evictable.values().iterator();
        Block victim = oldest.next();
        oldest.remove();
        victim.registered = false;
        byHash.remove(victim.hash);
    }
}
