package org.fugong.logistics.pass;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.fugong.logistics.config.LogisticsConfig;
import org.fugong.logistics.db.NativeSql;
import org.fugong.platform.Schedulers;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Passes whose validity ended become EXPIRED, each with its {@code fugong.logistics.pass.expired}
 * event, just after every midnight in the service's zone (and once at start-up, for days the
 * service was down). Only approved passes and those under review expire; refused and revoked ones
 * keep their status. The sweep goes in batches of {@code FUGONG_LOGISTICS_PASS_EXPIRY_BATCH_SIZE},
 * each its own transaction taking its rows with {@code SKIP LOCKED}: a long backlog never holds one
 * huge transaction, and two replicas sweeping at once share the work instead of waiting on each other.
 */
@ApplicationScoped
public class PassExpirySweep {

    private static final Logger LOG = Logger.getLogger(PassExpirySweep.class);

    @Inject
    NativeSql sql;

    @Inject
    PassEvents events;

    @Inject
    LogisticsConfig config;

    private ScheduledExecutorService scheduler;

    void onStart(@Observes StartupEvent event) {
        scheduler = Schedulers.daily("logistics-pass-expiry", config.zone(), () -> {
            int expired = run();
            if (expired > 0) {
                LOG.infof("Expired %d green passes past their validity", expired);
            }
        });
    }

    void onStop(@Observes ShutdownEvent event) {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    /** Expires every live pass whose last valid day is before today, batch by batch; returns how many. */
    public int run() {
        return runInBatchesOf(config.passExpiryBatchSize());
    }

    int runInBatchesOf(int batchSize) {
        LocalDate today = LocalDate.now(config.zone());
        int total = 0;
        int expired;
        do {
            expired = QuarkusTransaction.requiringNew().call(() -> expireBatch(today, batchSize));
            total += expired;
        } while (expired == batchSize);
        return total;
    }

    private int expireBatch(LocalDate today, int batchSize) {
        List<Object[]> changed = sql.rows("""
                WITH due AS (
                    SELECT id FROM green_pass
                    WHERE status IN ('APPROVED', 'PENDING_REVIEW') AND valid_until < :today
                    ORDER BY id LIMIT :batch FOR UPDATE SKIP LOCKED)
                UPDATE green_pass g SET status = 'EXPIRED', updated_at = :now, version = g.version + 1
                FROM due WHERE g.id = due.id
                RETURNING g.id, g.version""", Map.of("today", today, "batch", batchSize, "now", GreenPass.now()));
        if (changed.isEmpty()) {
            return 0;
        }
        List<UUID> ids = changed.stream().map(row -> (UUID) row[0]).toList();
        events.expired(GreenPass.<GreenPass>list("id in ?1 order by id", ids));
        return ids.size();
    }
}
