package org.fugong.gateway.routing;

import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The replicas of one service, taken in turn (round robin), skipping any whose circuit refuses
 * calls. A plain class without I/O so the choice can be tested on its own.
 */
final class Replicas {

    private final List<Replica> all;
    private final AtomicInteger next = new AtomicInteger();

    Replicas(List<Replica> all) {
        if (all.isEmpty()) {
            throw new IllegalArgumentException("A service needs at least one URL");
        }
        this.all = List.copyOf(all);
    }

    List<Replica> all() {
        return all;
    }

    /**
     * The next replica in turn whose circuit lets a call through now, other than those already
     * tried for this request; null when none does. Acquiring may take a half-open circuit's one
     * trial slot, so a replica is only asked when it is going to be called.
     */
    Replica acquire(Set<Replica> tried) {
        int start = Math.floorMod(next.getAndIncrement(), all.size());
        for (int i = 0; i < all.size(); i++) {
            Replica candidate = all.get((start + i) % all.size());
            if (!tried.contains(candidate) && candidate.breaker().tryAcquire()) {
                return candidate;
            }
        }
        return null;
    }

    /** When the first replica with an open circuit lets a trial through, in seconds. */
    long retryAfterSeconds() {
        return all.stream().mapToLong(r -> r.breaker().retryAfterSeconds()).filter(s -> s > 0).min().orElse(1);
    }
}
