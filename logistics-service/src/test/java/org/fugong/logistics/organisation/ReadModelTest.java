package org.fugong.logistics.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.fugong.logistics.region.Region;
import org.fugong.logistics.support.LogisticsTest;
import org.fugong.logistics.support.RegistryFeed;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The organisations and regions read models, fed by the registry's events through the platform's
 * idempotent consumer. Every "has it been handled yet" question is answered by a marker event on the
 * same key as the event under test (so the same partition, handled after it) and by the consumer
 * group's {@code processed_event} rows.
 */
@QuarkusTest
@LogisticsTest
class ReadModelTest {

    static final String GROUP = "logistics.RegistryEventHandler";

    @Inject
    EntityManager em;

    @Inject
    RegistryEventHandler handler;

    @Test
    void theConsumerGroupIsDeclaredAndReadsBothRegistryTopics() {
        assertThat(handler.group()).isEqualTo(GROUP);
        assertThat(handler.topics()).containsExactlyInAnyOrder("registry.enterprises", "registry.regions");
    }

    @Test
    void anOrganisationIsKeptWithWhatThePassRuleReads() {
        UUID id = RegistryFeed.organisation("420111", "ACTIVE", "KEY_INDUSTRY", true);
        Organisation o = RegistryFeed.read(id);
        assertThat(o.status).isEqualTo("ACTIVE");
        assertThat(o.priorityTier).isEqualTo("KEY_INDUSTRY");
        assertThat(o.keyEnterprise).isTrue();
        assertThat(o.regionCode).isEqualTo("420111");
    }

    @Test
    void theSameEventDeliveredTwiceChangesTheReadModelOnce() {
        UUID id = RegistryFeed.essentialEnterprise("420111");
        String eventId = UUID.randomUUID().toString();
        RegistryFeed.publishEnterprise(id, "420111", "SUSPENDED", "ESSENTIAL", false, 3, RegistryFeed.STATUS_CHANGED,
                eventId);
        RegistryFeed.await(() -> "SUSPENDED".equals(RegistryFeed.read(id).status));
        // The same ce_id again, with a newer state that would be applied if the duplicate were not recognised.
        RegistryFeed.publishEnterprise(id, "420111", "ACTIVE", "ESSENTIAL", false, 4, RegistryFeed.STATUS_CHANGED,
                eventId);
        String marker = enterpriseMarkerBehind(id);
        assertThat(processed(marker)).isEqualTo(1);
        assertThat(processed(eventId)).isEqualTo(1);
        assertThat(RegistryFeed.read(id).status).isEqualTo("SUSPENDED");
        assertThat(RegistryFeed.read(id).version).isEqualTo(3);
    }

    @Test
    void aStaleEnterpriseEventArrivingLateDoesNotUndoANewerOne() {
        UUID id = RegistryFeed.essentialEnterprise("330106");
        RegistryFeed.publishEnterprise(id, "330106", "SUSPENDED", "ESSENTIAL", false, 5, RegistryFeed.STATUS_CHANGED,
                UUID.randomUUID().toString());
        RegistryFeed.await(() -> RegistryFeed.read(id).version == 5);
        String stale = UUID.randomUUID().toString();
        RegistryFeed.publishEnterprise(id, "330106", "ACTIVE", "ESSENTIAL", false, 4, RegistryFeed.UPDATED, stale);
        enterpriseMarkerBehind(id);
        assertThat(processed(stale)).as("the stale event was handled, and ignored").isEqualTo(1);
        assertThat(RegistryFeed.read(id).status).isEqualTo("SUSPENDED");
    }

    @Test
    void everyRegionIsSeededLowAndTheTwoEndsOfARouteAreCounties() {
        Region hubei = RegistryFeed.region("420000");
        assertThat(hubei.level).isEqualTo("PROVINCE");
        assertThat(hubei.countyLevel).isFalse();
        assertThat(RegistryFeed.region("420102").countyLevel).isTrue();
        assertThat(RegistryFeed.region("441900").countyLevel).as("Dongguan: a city without districts").isTrue();
        long regions = QuarkusTransaction.requiringNew().call(() -> Region.count());
        assertThat(regions).isEqualTo(3348);
    }

    @Test
    void riskLevelsFollowTheRegistryOnceEachAndNeverBackwards() {
        String county = "421202"; // Xian'an, Xianning: no other test reads its risk level
        RegistryFeed.riskLevel(county, "HIGH", 2);
        String duplicate = UUID.randomUUID().toString();
        RegistryFeed.publishRisk(county, "MEDIUM", 3, duplicate);
        RegistryFeed.await(() -> RegistryFeed.region(county).version == 3);
        RegistryFeed.publishRisk(county, "LOW", 4, duplicate); // same ce_id: must not apply
        String stale = UUID.randomUUID().toString();
        RegistryFeed.publishRisk(county, "HIGH", 1, stale);
        String marker = UUID.randomUUID().toString();
        RegistryFeed.publishRisk(county, "LOW", 0, marker); // older than anything: changes nothing
        RegistryFeed.await(() -> processed(marker) == 1);
        assertThat(processed(stale)).isEqualTo(1);
        assertThat(processed(duplicate)).isEqualTo(1);
        Region now = RegistryFeed.region(county);
        assertThat(now.riskLevel).isEqualTo("MEDIUM");
        assertThat(now.version).isEqualTo(3);
    }

    /**
     * Publishes an event on the organisation's own key that changes nothing (version 0 is older than
     * anything held) and waits until the consumer group has recorded it.
     */
    String enterpriseMarkerBehind(UUID id) {
        String marker = UUID.randomUUID().toString();
        RegistryFeed.publishEnterprise(id, "110101", "ACTIVE", "STANDARD", false, 0, RegistryFeed.UPDATED, marker);
        RegistryFeed.await(() -> processed(marker) == 1);
        return marker;
    }

    long processed(String eventId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM processed_event WHERE consumer_group = :group AND event_id = :id")
                .setParameter("group", GROUP).setParameter("id", eventId).getSingleResult()).longValue());
    }
}
