package org.fugong.launcher;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;

/**
 * Polling with a deadline, for what crosses Kafka between services: a probe is asked again every
 * {@link #INTERVAL} until its answer is the one wanted or the deadline passes. The deadline is
 * the failure; the interval only spaces the questions. The demo data waits with it for what the
 * services learn from each other's events, the cross-service tests for what they assert, and the
 * benchmarks for the data they set up.
 */
public final class Eventually {

    /** Events cross the suite in well under a second; the deadline is for a loaded machine. */
    static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final Duration INTERVAL = Duration.ofMillis(200);

    private Eventually() {
    }

    /**
     * The first answer of {@code probe} that {@code wanted} accepts; fails (an {@link IllegalStateException},
     * which fails a test as well as it stops the demo) naming {@code what} and the last answer.
     */
    public static <T> T await(String what, Callable<T> probe, Predicate<? super T> wanted) throws Exception {
        Instant deadline = Instant.now().plus(DEADLINE);
        T last;
        do {
            last = probe.call();
            if (wanted.test(last)) {
                return last;
            }
            LockSupport.parkNanos(INTERVAL.toNanos());
        } while (Instant.now().isBefore(deadline));
        throw new IllegalStateException(what + ": not within " + DEADLINE.toSeconds() + " s; last answer: " + last);
    }
}
