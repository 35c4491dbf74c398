package org.fugong.supply.supplier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.fugong.supply.support.RegistryFeed;
import org.fugong.supply.support.SupplyTest;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** The organisations read model, fed by the registry's events through the platform's idempotent consumer. */
@QuarkusTest
@SupplyTest
class ReadModelTest {

    @Inject
    EntityManager em;

    @Test
    void theSameEventDeliveredTwiceChangesTheReadModelOnce() {
        UUID id = RegistryFeed.organisation("ENTERPRISE", "420111", "ACTIVE", 0);
        String eventId = UUID.randomUUID().toString();
        RegistryFeed.publish(id, "ENTERPRISE", "420111", "SUSPENDED", 3, "fugong.registry.enterprise.status-changed", eventId);
        RegistryFeed.await(() -> "SUSPENDED".equals(RegistryFeed.read(id).status));
        // The same event again, then a marker event, so we know the duplicate has been consumed.
        RegistryFeed.publish(id, "ENTERPRISE", "420111", "SUSPENDED", 3, "fugong.registry.enterprise.status-changed", eventId);
        UUID marker = RegistryFeed.organisation("ENTERPRISE", "420111", "ACTIVE", 0);
        assertThat(marker).isNotNull();
        assertThat(processed(eventId)).isEqualTo(1);
        assertThat(RegistryFeed.read(id).version).isEqualTo(3);
    }

    @Test
    void aStaleEventArrivingLateDoesNotUndoANewerOne() {
        UUID id = RegistryFeed.organisation("ENTERPRISE", "330106", "ACTIVE", 0);
        RegistryFeed.publish(id, "ENTERPRISE", "330106", "SUSPENDED", 5, "fugong.registry.enterprise.status-changed",
                UUID.randomUUID().toString());
        RegistryFeed.await(() -> RegistryFeed.read(id).version == 5);
        RegistryFeed.publish(id, "ENTERPRISE", "330106", "ACTIVE", 4, "fugong.registry.enterprise.updated",
                UUID.randomUUID().toString());
        RegistryFeed.organisation("ENTERPRISE", "330106", "ACTIVE", 0); // consumed after the stale one
        assertThat(RegistryFeed.read(id).status).isEqualTo("SUSPENDED");
    }

    long processed(String eventId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM processed_event WHERE event_id = :id").setParameter("id", eventId)
                .getSingleResult()).longValue());
    }
}
