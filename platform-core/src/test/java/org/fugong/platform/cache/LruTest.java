package org.fugong.platform.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LruTest {

    @Test
    void forgetsTheLeastRecentlyUsedWhenFull() {
        Lru<String, Integer> lru = new Lru<>(2);
        lru.put("a", 1);
        lru.put("b", 2);
        assertThat(lru.get("a")).isEqualTo(1);
        lru.put("c", 3);
        assertThat(lru.contains("b")).as("used least recently").isFalse();
        assertThat(lru.get("a")).isEqualTo(1);
        assertThat(lru.get("c")).isEqualTo(3);
        assertThat(lru.size()).isEqualTo(2);
    }

    @Test
    void containsDoesNotCountAsAUse() {
        Lru<String, Integer> lru = new Lru<>(2);
        lru.put("a", 1);
        lru.put("b", 2);
        assertThat(lru.contains("a")).isTrue();
        lru.put("c", 3);
        assertThat(lru.contains("a")).isFalse();
        assertThat(lru.contains("b")).isTrue();
    }

    @Test
    void removesAndRemembersNothingWithNoCapacity() {
        Lru<String, Integer> lru = new Lru<>(3);
        lru.put("a", 1);
        lru.remove("a");
        assertThat(lru.get("a")).isNull();
        Lru<String, Integer> none = new Lru<>(0);
        none.put("a", 1);
        assertThat(none.size()).isZero();
        assertThatThrownBy(() -> new Lru<>(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
