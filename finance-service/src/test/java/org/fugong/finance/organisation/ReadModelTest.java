package org.fugong.finance.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.fugong.finance.support.FinanceTest;
import org.fugong.finance.support.RegistryFeed;
import org.fugong.finance.support.RegistryFeed.Known;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The organisations read model, fed by the registry's events through the platform's idempotent
 * consumer. Every "has it been handled yet" question is answered by a marker event on the same
 * key as the event under test (so the same partition, handled after it) and by the consumer
 * group's {@code processed_event} rows.
 */
@QuarkusTest
@FinanceTest
class ReadModelTest {

    static final String GROUP = "finance.RegistryEventHandler";

    @Inject
    EntityManager em;

    @Inject
    RegistryEventHandler handler;

    @Test
    void theConsumerGroupIsDeclaredAndOnlyTheEnterpriseTopicIsRead() {
        assertThat(handler.group()).isEqualTo(GROUP);
        assertThat(handler.topics()).containsExactly("registry.enterprises");
    }

    @Test
    void aRegisteredEnterpriseIsKeptWithEverythingEligibilityAndAccessNeed() {
        Known sme = RegistryFeed.sme();
        Organisation o = RegistryFeed.read(sme.id());
        assertThat(o.kind).isEqualTo("ENTERPRISE");
        assertThat(o.uscc).isEqualTo(sme.uscc());
        assertThat(o.regionCode).isEqualTo("330106");
        assertThat(o.sizeClass).isEqualTo("SMALL");
        assertThat(o.isSme()).isTrue();
        assertThat(o.isActive()).isTrue();
        // From the contract example: the fields policies and the review queue will read.
        assertThat(o.priorityTier).isEqualTo("ESSENTIAL");
        assertThat(o.keyEnterprise).isFalse();
        assertThat(o.industry).isEqualTo("MEDICAL_SUPPLIES");
        assertThat(o.ownership).isEqualTo("PRIVATE");
        assertThat(o.employees).isEqualTo(250);
        assertThat(o.annualRevenue).isEqualByComparingTo(new BigDecimal("48000000.00"));
        assertThat(o.resumptionStatus).isEqualTo("NOT_RESUMED");
        assertThat(o.statusReason).isNull();
        assertThat(QuarkusTransaction.requiringNew().call(() -> Organisation.byUscc(sme.uscc()).id)).isEqualTo(sme.id());
    }

    @Test
    void anUpdateChangesSizeAndWhiteListAndASuspensionKeepsItsReason() {
        Known sme = RegistryFeed.sme();
        RegistryFeed.publish(sme, "ACTIVE", 1, Map.of("size_class", "LARGE", "key_enterprise", true),
                "fugong.registry.enterprise.updated", UUID.randomUUID().toString());
        RegistryFeed.await(() -> RegistryFeed.read(sme.id()).version == 1);
        Organisation grown = RegistryFeed.read(sme.id());
        assertThat(grown.sizeClass).isEqualTo("LARGE");
        assertThat(grown.keyEnterprise).isTrue();
        assertThat(grown.isSme()).isFalse();
        RegistryFeed.publish(sme, "SUSPENDED", 2, Map.of("status_reason", "Confirmed case among employees"),
                "fugong.registry.enterprise.status-changed", UUID.randomUUID().toString());
        RegistryFeed.await(() -> RegistryFeed.read(sme.id()).version == 2);
        Organisation suspended = RegistryFeed.read(sme.id());
        assertThat(suspended.status).isEqualTo("SUSPENDED");
        assertThat(suspended.statusReason).isEqualTo("Confirmed case among employees");
    }

    @Test
    void theSameEventDeliveredTwiceChangesTheReadModelOnce() {
        Known sme = RegistryFeed.sme();
        String eventId = UUID.randomUUID().toString();
        RegistryFeed.publish(sme, "SUSPENDED", 3, Map.of(), "fugong.registry.enterprise.status-changed", eventId);
        RegistryFeed.await(() -> "SUSPENDED".equals(RegistryFeed.read(sme.id()).status));
        // The same ce_id again, with a newer state that would be applied if the duplicate were not recognised.
        RegistryFeed.publish(sme, "ACTIVE", 4, Map.of(), "fugong.registry.enterprise.status-changed", eventId);
        String marker = markerBehind(sme);
        assertThat(processed(marker)).isEqualTo(1);
        assertThat(processed(eventId)).isEqualTo(1);
        Organisation now = RegistryFeed.read(sme.id());
        assertThat(now.status).isEqualTo("SUSPENDED");
        assertThat(now.version).isEqualTo(3);
    }

    @Test
    void aStaleEventArrivingLateDoesNotUndoANewerOne() {
        Known sme = RegistryFeed.sme();
        RegistryFeed.publish(sme, "SUSPENDED", 5, Map.of(), "fugong.registry.enterprise.status-changed",
                UUID.randomUUID().toString());
        RegistryFeed.await(() -> RegistryFeed.read(sme.id()).version == 5);
        String stale = UUID.randomUUID().toString();
        RegistryFeed.publish(sme, "ACTIVE", 4, Map.of(), "fugong.registry.enterprise.updated", stale);
        markerBehind(sme);
        assertThat(processed(stale)).as("the stale event was handled, and ignored").isEqualTo(1);
        assertThat(RegistryFeed.read(sme.id()).status).isEqualTo("SUSPENDED");
        assertThat(RegistryFeed.read(sme.id()).version).isEqualTo(5);
    }

    /**
     * Publishes an event on the organisation's own key that changes nothing (version 0 is older than
     * anything held) and waits until finance's consumer group has recorded it: everything published
     * before it on that key has been handled by then.
     */
    String markerBehind(Known o) {
        String marker = UUID.randomUUID().toString();
        RegistryFeed.publish(o, "ACTIVE", 0, Map.of(), "fugong.registry.enterprise.updated", marker);
        RegistryFeed.await(() -> processed(marker) == 1);
        return marker;
    }

    long processed(String eventId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM processed_event WHERE consumer_group = :group AND event_id = :id")
                .setParameter("group", GROUP).setParameter("id", eventId).getSingleResult()).longValue());
    }
}
