package com.langomni.memory.repository;

import com.langomni.memory.domain.Vectors;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * In-memory vector index partitioned by owner: every query names one owner, so a search scans only that
 * owner's vectors (exact cosine, no approximation). Reads are thread-safe; the store serialises mutations
 * with its log appends, so that an owner's deletion cannot interleave with a write to it.
 */
final class MemoryIndex {

    private final Map<String, OwnerMemories> owners = new ConcurrentHashMap<>();
    private final AtomicLong size = new AtomicLong();

    /** Adds or replaces a memory (by id) under its owner. */
    void put(StoredMemory memory) {
        if (owners.computeIfAbsent(memory.ownerId(), o -> new OwnerMemories()).put(memory)) {
            size.incrementAndGet();
        }
    }

    /** Removes an owner; returns how many memories it had. */
    long removeOwner(String ownerId) {
        OwnerMemories removed = owners.remove(ownerId);
        long n = removed == null ? 0 : removed.size();
        size.addAndGet(-n);
        return n;
    }

    /** Updates last-access times; returns the ids that exist. */
    List<String> touch(String ownerId, Collection<String> ids, long at) {
        OwnerMemories memories = owners.get(ownerId);
        return memories == null ? List.of() : memories.touch(ids, at);
    }

    List<SimilarMemory> search(String ownerId, float[] vector, int k) {
        OwnerMemories memories = owners.get(ownerId);
        return memories == null || k <= 0 ? List.of() : memories.search(vector, k);
    }

    List<StoredMemory> newest(String ownerId, int limit) {
        OwnerMemories memories = owners.get(ownerId);
        return memories == null ? List.of() : memories.newest(limit);
    }

    long count(String ownerId) {
        OwnerMemories memories = owners.get(ownerId);
        return memories == null ? 0 : memories.size();
    }

    long size() {
        return size.get();
    }

    long ownerCount() {
        return owners.values().stream().filter(m -> m.size() > 0).count();
    }

    /** A snapshot of every memory, for compaction. */
    List<StoredMemory> all() {
        List<StoredMemory> out = new ArrayList<>();
        owners.values().forEach(m -> out.addAll(m.snapshot()));
        return out;
    }

    /** One owner's memories. Only whole owners are deleted, so a memory's slot never moves. */
    private static final class OwnerMemories {
        private final ReadWriteLock lock = new ReentrantReadWriteLock();
        private final List<StoredMemory> slots = new ArrayList<>();
        private final Map<String, Integer> slotById = new HashMap<>();

        boolean put(StoredMemory memory) {
            lock.writeLock().lock();
            try {
                Integer slot = slotById.get(memory.id());
                if (slot != null) {
                    slots.set(slot, memory);
                    return false;
                }
                slotById.put(memory.id(), slots.size());
                slots.add(memory);
                return true;
            } finally {
                lock.writeLock().unlock();
            }
        }

        List<String> touch(Collection<String> ids, long at) {
            List<String> found = new ArrayList<>(ids.size());
            lock.writeLock().lock();
            try {
                for (String id : ids) {
                    Integer slot = slotById.get(id);
                    if (slot != null) {
                        slots.set(slot, slots.get(slot).accessedAt(at));
                        found.add(id);
                    }
                }
            } finally {
                lock.writeLock().unlock();
            }
            return found;
        }

        List<SimilarMemory> search(float[] vector, int k) {
            // Min-heap of the best k so far: the weakest sits on top and is evicted first.
            PriorityQueue<SimilarMemory> best = new PriorityQueue<>(k + 1,
                    Comparator.comparingDouble(SimilarMemory::similarity));
            lock.readLock().lock();
            try {
                for (StoredMemory memory : slots) {
                    double similarity = Vectors.dot(vector, memory.vector());
                    if (best.size() < k) {
                        best.add(new SimilarMemory(memory, similarity));
                    } else if (similarity > best.peek().similarity()) {
                        best.poll();
                        best.add(new SimilarMemory(memory, similarity));
                    }
                }
            } finally {
                lock.readLock().unlock();
            }
            List<SimilarMemory> out = new ArrayList<>(best);
            out.sort(Comparator.comparingDouble(SimilarMemory::similarity).reversed());
            return out;
        }

        List<StoredMemory> newest(int limit) {
            List<StoredMemory> copy = snapshot();
            Collections.reverse(copy); // equal creation times: the later write first
            copy.sort(Comparator.comparingLong(StoredMemory::createdAt).reversed());
            return copy.subList(0, Math.min(Math.max(limit, 0), copy.size()));
        }

        List<StoredMemory> snapshot() {
            lock.readLock().lock();
            try {
                return new ArrayList<>(slots);
            } finally {
                lock.readLock().unlock();
            }
        }

        int size() {
            lock.readLock().lock();
            try {
                return slots.size();
            } finally {
                lock.readLock().unlock();
            }
        }
    }
}
