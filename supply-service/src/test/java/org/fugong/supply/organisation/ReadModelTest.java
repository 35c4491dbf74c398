package org.fugong.supply.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.fugong.supply.support.RegistryFeed;
import org.fugong.supply.support.SupplyTest;
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
@SupplyTest
class ReadModelTest {

    static final String GROUP = "supply.RegistryEventHandler";

    @Inject
    EntityManager em;

    @Inject
    RegistryEventHandler handler;

    @Test
    void theSameEventDeliveredTwiceChangesTheReadModelOnce() {
        UUID id = RegistryFeed.organisation("ENTERPRISE", "420111", "ACTIVE", 0);
        String eventId = UUID.randomUUID().toString();
        RegistryFeed.publish(id, "ENTERPRISE", "420111", "SUSPENDED", 3, "fugong.registry.enterprise.status-changed", eventId);
        RegistryFeed.await(() -> "SUSPENDED".equals(RegistryFeed.read(id).status));
        // The same ce_id again, with a newer state that would be applied if the duplicate were not recognised.
        RegistryFeed.publish(id, "ENTERPRISE", "420111", "ACTIVE", 4, "fugong.registry.enterprise.status-changed", eventId);
        String marker = markerBehind(id, "420111");
        assertThat(processed(marker)).isEqualTo(1);
        assertThat(processed(eventId)).isEqualTo(1);
        Organisation now = RegistryFeed.read(id);
        assertThat(now.status).isEqualTo("SUSPENDED");
        assertThat(now.version).isEqualTo(3);
    }

    @Test
    void aStaleEventArrivingLateDoesNotUndoANewerOne() {
        UUID id = RegistryFeed.organisation("ENTERPRISE", "330106", "ACTIVE", 0);
        RegistryFeed.publish(id, "ENTERPRISE", "330106", "SUSPENDED", 5, "fugong.registry.enterprise.status-changed",
                UUID.randomUUID().toString());
        RegistryFeed.await(() -> RegistryFeed.read(id).version == 5);
        String stale = UUID.randomUUID().toString();
        RegistryFeed.publish(id, "ENTERPRISE", "330106", "ACTIVE", 4, "fugong.registry.enterprise.updated", stale);
        markerBehind(id, "330106");
        assertThat(processed(stale)).as("the stale event was handled, and ignored").isEqualTo(1);
        assertThat(RegistryFeed.read(id).status).isEqualTo("SUSPENDED");
        assertThat(RegistryFeed.read(id).version).isEqualTo(5);
    }

    @Test
    void regionRiskLevelsAreNeitherConsumedNorKeptSinceNothingInSupplyReadsThem() {
        assertThat(handler.topics()).containsExactly("registry.enterprises");
        Object table = QuarkusTransaction.requiringNew().call(
                () -> em.createNativeQuery("SELECT to_regclass('region_view')::text").getSingleResult());
        assertThat(table).as("region_view was dropped").isNull();
    }

    /**
     * Publishes an event on the organisation's own key that changes nothing (version 0 is older than
     * anything held) and waits until supply's consumer group has recorded it: everything published
     * before it on that key has been handled by then.
     */
    String markerBehind(UUID id, String county) {
        String marker = UUID.randomUUID().toString();
        RegistryFeed.publish(id, "ENTERPRISE", county, "ACTIVE", 0, "fugong.registry.enterprise.updated", marker);
        RegistryFeed.await(() -> processed(marker) == 1);
        return marker;
    }

    long processed(String eventId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM processed_event WHERE consumer_group = :group AND event_id = :id")
                .setParameter("group", GROUP).setParameter("id", eventId).getSingleResult()).longValue());
    }
}
