package org.fugong.platform;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** Background schedulers for periodic upkeep: one named daemon thread, so they never hold the JVM open. */
public final class Schedulers {

    private Schedulers() {
    }

    public static ScheduledExecutorService daemon(String threadName) {
        return Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, threadName);
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * The time from {@code now} to the next {@code at} on the clock in {@code now}'s zone: today's
     * if it is still ahead, else tomorrow's. For daily sweeps run just after midnight.
     */
    public static Duration untilNextDaily(ZonedDateTime now, LocalTime at) {
        ZonedDateTime next = now.toLocalDate().atTime(at).atZone(now.getZone());
        if (!next.isAfter(now)) {
            next = now.toLocalDate().plusDays(1).atTime(at).atZone(now.getZone());
        }
        return Duration.between(now, next);
    }
}
