package org.fugong.finance.application;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.fugong.platform.Schedulers;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Lapses approved offers the applicant let pass their validity, every
 * {@code fugong.finance.applications.offer-sweep-interval}. Each application is changed in its own
 * transaction under its row lock, and a lapse is a no-op the second time, so two replicas sweeping
 * at once do no harm.
 */
@ApplicationScoped
public class OfferExpiry {

    private static final Logger LOG = Logger.getLogger(OfferExpiry.class);

    @Inject
    ApplicationService applications;

    @Inject
    ApplicationConfig config;

    @Inject
    EntityManager em;

    private ScheduledExecutorService scheduler;

    void onStart(@Observes StartupEvent event) {
        long every = config.offerSweepInterval().toMillis();
        scheduler = Schedulers.daemon("finance-offer-expiry");
        scheduler.scheduleWithFixedDelay(this::sweep, every, every, TimeUnit.MILLISECONDS);
    }

    void onStop(@Observes ShutdownEvent event) {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    private void sweep() {
        try {
            lapseExpired(applications.today());
        } catch (RuntimeException e) {
            LOG.warn("Lapsing expired offers failed; the next sweep tries again", e);
        }
    }

    /** @return how many applications had offers lapse */
    public int lapseExpired(LocalDate today) {
        List<UUID> due = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select distinct l.application.id from LenderReview l where l.status = :offered and l.offerValidUntil < :today",
                UUID.class).setParameter("offered", LenderStatus.OFFERED).setParameter("today", today).getResultList());
        due.forEach(id -> applications.lapseExpiredOffers(id, today));
        return due.size();
    }
}
