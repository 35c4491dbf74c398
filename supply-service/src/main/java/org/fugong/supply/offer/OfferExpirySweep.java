package org.fugong.supply.offer;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.fugong.platform.Schedulers;
import org.fugong.supply.allocation.ItemLocks;
import org.fugong.supply.config.SupplyConfig;
import org.fugong.supply.tx.RetryTransientFailures;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Offers past their expiry date become EXPIRED, with their event, every day just after midnight in
 * the configured zone (and once at start-up, for days the service was down) — not only when a
 * matching run happens to touch their item. Safe with several replicas: each takes the items'
 * locks, and a second sweep finds nothing left to expire.
 */
@ApplicationScoped
public class OfferExpirySweep {

    private static final Logger LOG = Logger.getLogger(OfferExpirySweep.class);

    @Inject
    ItemLocks itemLocks;

    @Inject
    OfferEvents events;

    @Inject
    SupplyConfig config;

    private ScheduledExecutorService scheduler;

    void onStart(@Observes StartupEvent event) {
        scheduler = Schedulers.daily("supply-offer-expiry", config.zone(), () -> {
            int expired = run();
            if (expired > 0) {
                LOG.infof("Expired %d offers past their expiry date", expired);
            }
        });
    }

    void onStop(@Observes ShutdownEvent event) {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    /** Expires every OPEN or EXHAUSTED offer whose expiry date is before today. */
    @RetryTransientFailures
    @Transactional
    public int run() {
        LocalDate today = LocalDate.now(config.zone());
        List<String> items = SupplyOffer.find(
                "select distinct itemCode from SupplyOffer where status in ?1 and expiryDate < ?2",
                SupplyOffer.EXPIRABLE, today).project(String.class).list();
        if (items.isEmpty()) {
            return 0;
        }
        itemLocks.lock(items); // supply's lock order: items, then rows, then the outbox
        List<SupplyOffer> due = SupplyOffer.<SupplyOffer>find(
                "itemCode in ?1 and status in ?2 and expiryDate < ?3 order by id", items, SupplyOffer.EXPIRABLE, today)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
        due.forEach(o -> o.expire(today));
        SupplyOffer.flush();
        due.forEach(o -> events.updated(o));
        return due.size();
    }
}
