package com.langomni.memory.service;

import java.util.LinkedHashMap;
import java.util.Map;

/** A bounded least-recently-used map, thread-safe through one lock (entries are tiny to look up). */
final class LruCache<K, V> {

    private final Map<K, V> map;

    LruCache(int maxSize) {
        if (maxSize < 1) {
            throw new IllegalArgumentException("maxSize must be >= 1");
        }
        this.map = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > maxSize;
            }
        };
    }

    synchronized V get(K key) {
        return map.get(key);
    }

    synchronized void put(K key, V value) {
        map.put(key, value);
    }

    synchronized int size() {
        return map.size();
    }
}
