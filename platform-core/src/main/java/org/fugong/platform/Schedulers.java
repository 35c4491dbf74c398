package org.fugong.platform;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;

/** Background schedulers for periodic upkeep: one named daemon thread, so they never hold the JVM open. */
public final class Schedulers {

    private static final Logger LOG = Logger.getLogger(Schedulers.class);

    /** When daily sweeps run: a few seconds past midnight, so a clock a little behind still sees the new day. */
    public static final LocalTime JUST_AFTER_MIDNIGHT = LocalTime.of(0, 0, 5);

    private Schedulers() {
    }

    public static ScheduledExecutorService daemon(String threadName) {
        return new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, threadName);
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Runs {@code job} at once, for the days the service was down, and then just after every
     * midnight in {@code zone}. A run that fails is logged and the job runs again after the next
     * midnight; shutting the returned scheduler down stops it.
     */
    public static ScheduledExecutorService daily(String threadName, ZoneId zone, Runnable job) {
        ScheduledExecutorService scheduler = daemon(threadName);
        scheduler.execute(new DailyRun(scheduler, threadName, zone, job));
        return scheduler;
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

    /** One run of a daily job, which schedules the next when it ends however it ends. */
    private record DailyRun(ScheduledExecutorService scheduler, String name, ZoneId zone, Runnable job) implements Runnable {

        @Override
        public void run() {
            try {
                job.run();
            } catch (RuntimeException e) {
                LOG.warnf(e, "%s failed; it runs again after the next midnight", name);
            } finally {
                if (!scheduler.isShutdown()) {
                    try {
                        long wait = untilNextDaily(ZonedDateTime.now(zone), JUST_AFTER_MIDNIGHT).toMillis();
                        scheduler.schedule(this, wait, TimeUnit.MILLISECONDS);
                    } catch (RejectedExecutionException shutDownMeanwhile) {
                        // Stopping: there is no next run.
                    }
                }
            }
        }
    }
}
