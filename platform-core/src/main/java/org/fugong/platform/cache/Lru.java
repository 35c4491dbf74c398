package org.fugong.platform.cache;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A map of at most {@code capacity} entries that forgets the least recently used one first; safe
 * for concurrent use (one lock: a lookup is far cheaper than anything worth remembering). A
 * capacity of 0 remembers nothing.
 */
public final class Lru<K, V> {

    private final int capacity;
    private final LinkedHashMap<K, V> entries;

    public Lru(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity must not be negative");
        }
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > Lru.this.capacity;
            }
        };
    }

    /** The value, counted as a use; null when not remembered. */
    public V get(K key) {
        synchronized (entries) {
            return entries.get(key);
        }
    }

    public void put(K key, V value) {
        if (capacity == 0) {
            return;
        }
        synchronized (entries) {
            entries.put(key, value);
        }
    }

    public void remove(K key) {
        synchronized (entries) {
            entries.remove(key);
        }
    }

    /** Whether the key is remembered, without counting as a use. */
    public boolean contains(K key) {
        synchronized (entries) {
            return entries.containsKey(key);
        }
    }

    public int size() {
        synchronized (entries) {
            return entries.size();
        }
    }
}
