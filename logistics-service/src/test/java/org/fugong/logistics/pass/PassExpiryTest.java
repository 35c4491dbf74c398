package org.fugong.logistics.pass;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fugong.testing.ProblemAssertions.problem;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.fugong.contracts.Contracts;
import org.fugong.logistics.support.Api;
import org.fugong.logistics.support.LogisticsTest;
import org.fugong.logistics.support.RegistryFeed;
import org.fugong.logistics.support.Shipments;
import org.fugong.testing.KafkaEvents;
import org.fugong.testing.TestJwt;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The expiry sweep: live passes past their last valid day become EXPIRED, batch by batch, each with its event. */
@QuarkusTest
@LogisticsTest
class PassExpiryTest {

    static final String PASSES = "/api/v1/green-passes";

    @Inject
    PassExpirySweep sweep;

    @Inject
    EntityManager em;

    static JsonPath apply(UUID enterprise) {
        return Api.as(Api.enterprise(enterprise)).body(Api.pass()).post(PASSES).then().statusCode(201).extract()
                .jsonPath();
    }

    static PassStatus status(String id) {
        return QuarkusTransaction.requiringNew().call(() -> GreenPass.<GreenPass>findById(UUID.fromString(id)).status);
    }

    /** Moves a pass's window into the past, as if it had been applied for three weeks ago. */
    void endedYesterday(String id) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "UPDATE green_pass SET valid_from = :from, valid_until = :until WHERE id = :id")
                .setParameter("from", Api.today().minusDays(20)).setParameter("until", Api.today().minusDays(1))
                .setParameter("id", UUID.fromString(id)).executeUpdate());
    }

    long outboxed(String passId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM outbox_event WHERE aggregate_id = :id AND type = :type")
                .setParameter("id", passId).setParameter("type", PassEvents.EXPIRED).getSingleResult()).longValue());
    }

    @Test
    void approvedAndPendingPassesPastTheirWindowExpireOnceEachWithTheirEventInBatches() {
        UUID essential = RegistryFeed.essentialEnterprise("330106");
        UUID standard = RegistryFeed.organisation("330106", "ACTIVE", "STANDARD", false);
        JsonPath approved = apply(essential);
        JsonPath pending = apply(standard);
        JsonPath revoked = apply(essential);
        JsonPath current = apply(essential);
        Api.as(TestJwt.authority("33")).body(Map.of("reason", "Stolen vehicle")).put(PASSES + "/"
                + revoked.getString("id") + "/revocation").then().statusCode(200);
        for (JsonPath p : List.of(approved, pending, revoked)) {
            endedYesterday(p.getString("id"));
        }

        // Batches of one: the sweep goes on until a batch comes back short.
        assertThat(sweep.runInBatchesOf(1)).isGreaterThanOrEqualTo(2);
        assertThat(status(approved.getString("id"))).isEqualTo(PassStatus.EXPIRED);
        assertThat(status(pending.getString("id"))).isEqualTo(PassStatus.EXPIRED);
        assertThat(status(revoked.getString("id"))).isEqualTo(PassStatus.REVOKED);
        assertThat(status(current.getString("id"))).isEqualTo(PassStatus.APPROVED);
        assertThat(sweep.run()).as("nothing is expired twice").isZero();

        for (JsonPath p : List.of(approved, pending)) {
            ConsumerRecord<String, String> event = KafkaEvents.await(PassEvents.TOPIC,
                    KafkaEvents.keyAndType(p.getString("id"), PassEvents.EXPIRED), Duration.ofSeconds(20));
            Contracts.assertValid(PassEvents.EXPIRED, event.value());
            assertThat(event.value()).contains("\"EXPIRED\"").doesNotContain(Api.DRIVER_PHONE).doesNotContain(Api.DRIVER_ID);
            assertThat(KafkaEvents.header(event, "ce_source")).isEqualTo("/fugong/logistics");
        }
        // Exactly once each, and none for what did not expire: counted where they are written, the outbox.
        assertThat(outboxed(approved.getString("id"))).isEqualTo(1);
        assertThat(outboxed(pending.getString("id"))).isEqualTo(1);
        assertThat(outboxed(revoked.getString("id"))).isZero();
        assertThat(outboxed(current.getString("id"))).isZero();

        // Its code, signed for the old window, still verifies: the checkpoint says what the pass is.
        String checkpoint = Shipments.checkpoint(Shipments.OFF_THE_WAY);
        assertThat(Api.as(Shipments.officer()).body(Map.of("checkpoint_id", checkpoint, "code", approved.getString("code"),
                "plate_read", "浙A12345")).post("/api/v1/checkpoint-scans").then().statusCode(201).extract()
                .<String>path("result")).isEqualTo("EXPIRED");
        // An expired pass under review is no longer decided, nor revoked.
        problem(Api.as(TestJwt.authority("33")).body(Map.of("outcome", "APPROVED", "reason", "late"))
                .put(PASSES + "/" + pending.getString("id") + "/decision").then(), 409);
        problem(Api.as(TestJwt.authority("33")).body(Map.of("reason", "late"))
                .put(PASSES + "/" + approved.getString("id") + "/revocation").then(), 409);
        Api.as(TestJwt.admin()).queryParam("status", "EXPIRED").queryParam("limit", 100).get(PASSES).then()
                .statusCode(200);
    }
}
