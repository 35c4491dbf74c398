package org.fugong.gateway.routing;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * One upstream's circuit breaker. Closed, it lets calls through and counts consecutive failures;
 * at the threshold it opens and refuses calls for {@code openFor}, so a dead service costs callers
 * nothing but a quick 503 and gets time to recover. Then it lets a single trial call through
 * (half-open): success closes it, failure opens it again.
 */
public final class CircuitBreaker {

    public enum State { CLOSED, OPEN, HALF_OPEN }

    private final int threshold;
    private final long openForMillis;
    private final LongSupplier clock;

    // Volatile so the common case, a closed circuit and a success, is decided without the lock.
    private volatile State state = State.CLOSED;
    private volatile int failures;
    private long openedAt;
    private boolean trialInFlight;
    private long trialStartedAt;

    public CircuitBreaker(int threshold, Duration openFor, LongSupplier clockMillis) {
        this.threshold = threshold;
        this.openForMillis = openFor.toMillis();
        this.clock = clockMillis;
    }

    /** Whether a call may go out now; in half-open state only one at a time. */
    public boolean tryAcquire() {
        if (state == State.CLOSED) {
            return true;
        }
        return tryAcquireSlowly();
    }

    private synchronized boolean tryAcquireSlowly() {
        if (state == State.OPEN && clock.getAsLong() - openedAt >= openForMillis) {
            state = State.HALF_OPEN;
            trialInFlight = false;
        }
        return switch (state) {
            case CLOSED -> true;
            case OPEN -> false;
            case HALF_OPEN -> {
                // A trial whose outcome never came back (the caller went away) does not block for ever.
                long now = clock.getAsLong();
                if (trialInFlight && now - trialStartedAt < openForMillis) {
                    yield false;
                }
                trialInFlight = true;
                trialStartedAt = now;
                yield true;
            }
        };
    }

    public void onSuccess() {
        if (state == State.CLOSED && failures == 0) {
            return;
        }
        recordSuccess();
    }

    private synchronized void recordSuccess() {
        state = State.CLOSED;
        failures = 0;
        trialInFlight = false;
    }

    public synchronized void onFailure() {
        failures++;
        trialInFlight = false;
        if (state == State.HALF_OPEN || failures >= threshold) {
            state = State.OPEN;
            openedAt = clock.getAsLong();
        }
    }

    /** A call that ended without telling anything about the service (the caller left): frees a trial slot. */
    public synchronized void onAbandoned() {
        trialInFlight = false;
    }

    public synchronized State state() {
        return state;
    }

    /** Seconds until an open circuit lets a trial call through; 0 otherwise. */
    public synchronized long retryAfterSeconds() {
        if (state != State.OPEN) {
            return 0;
        }
        long left = openForMillis - (clock.getAsLong() - openedAt);
        return Math.max(1, (left + 999) / 1000);
    }
}
