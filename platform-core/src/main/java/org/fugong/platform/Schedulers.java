package org.fugong.platform;

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
}
