package org.fugong.platform;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.fugong.platform.idempotency.IdempotencyKeys;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/** Deletes idempotency records past their 24 hours, once an hour. */
@ApplicationScoped
public class Housekeeping {
    private static final Logger LOG = Logger.getLogger(Housekeeping.class);

    @Inject
    IdempotencyKeys idempotencyKeys;

    private ScheduledExecutorService scheduler;

    void onStart(@Observes StartupEvent event) {
        scheduler = Schedulers.daemon("fugong-housekeeping");
        scheduler.scheduleWithFixedDelay(this::prune, 1, 60, TimeUnit.MINUTES);
    }

    void onStop(@Observes ShutdownEvent event) {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    private void prune() {
        try {
            int deleted = idempotencyKeys.prune();
            if (deleted > 0) {
                LOG.infof("Pruned %d idempotency records older than 24 hours", deleted);
            }
        } catch (RuntimeException e) {
            LOG.warn("Pruning idempotency records failed", e);
        }
    }
}
