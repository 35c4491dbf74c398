package org.fugong.supply.offer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.fugong.contracts.Contracts;
import org.fugong.supply.support.Api;
import org.fugong.supply.support.RegistryFeed;
import org.fugong.supply.support.SupplyTest;
import org.fugong.testing.KafkaEvents;
import org.fugong.testing.TestJwt;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** An offer past its expiry date is EXPIRED, with its event, whether or not anyone matches its item. */
@QuarkusTest
@SupplyTest
class OfferExpiryTest {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Inject
    OfferExpirySweep sweep;

    @Inject
    EntityManager em;

    @Test
    void theDailySweepExpiresAnOfferNobodyMatchesAndPublishesIt() {
        String item = Api.newItem(null);
        UUID supplier = RegistryFeed.organisation("ENTERPRISE", "420111", "ACTIVE", 0);
        Map<String, Object> body = Api.certifiedOffer(item, 10, "420111");
        body.put("expiry_date", LocalDate.now(ZONE).toString());
        String offer = Api.as(Api.supplier(supplier)).body(body).post("/api/v1/supply-offers").then().statusCode(201)
                .extract().path("id");
        String lasting = Api.as(Api.supplier(supplier)).body(Api.certifiedOffer(item, 10, "420111"))
                .post("/api/v1/supply-offers").then().statusCode(201).extract().path("id");

        sweep.run();
        Api.as(Api.supplier(supplier)).get("/api/v1/supply-offers/" + offer).then().body("status", equalTo("OPEN"));

        backdate(offer, LocalDate.now(ZONE).minusDays(1)); // as if the sweep ran the next day
        sweep.run();
        Api.as(Api.supplier(supplier)).get("/api/v1/supply-offers/" + offer).then().body("status", equalTo("EXPIRED"));
        Api.as(Api.supplier(supplier)).get("/api/v1/supply-offers/" + lasting).then().body("status", equalTo("OPEN"));
        ConsumerRecord<String, String> event = KafkaEvents.await("supply.offers",
                r -> offer.equals(r.key()) && r.value().contains("\"EXPIRED\""), Duration.ofSeconds(20));
        assertThat(KafkaEvents.header(event, "ce_type")).isEqualTo("fugong.supply.offer.updated");
        Contracts.assertValid("fugong.supply.offer.updated", event.value());
    }

    @Test
    void aMatchingRunThatMeetsAnExpiredOfferPublishesTheExpiryToo() {
        String item = Api.newItem(null);
        UUID supplier = RegistryFeed.organisation("ENTERPRISE", "420111", "ACTIVE", 0);
        UUID hospital = RegistryFeed.organisation("HEALTH_INSTITUTION", "420102", "ACTIVE", 0);
        String offer = Api.as(Api.supplier(supplier)).body(Api.certifiedOffer(item, 10, "420111"))
                .post("/api/v1/supply-offers").then().statusCode(201).extract().path("id");
        backdate(offer, LocalDate.now(ZONE).minusDays(1));
        Api.as(Api.hospital(hospital)).body(Api.request(item, 5, "HIGH")).post("/api/v1/supply-requests").then()
                .statusCode(201).body("allocated", equalTo(0));
        Api.as(TestJwt.admin()).body(Map.of("item_codes", List.of(item))).post("/api/v1/matching-runs").then()
                .statusCode(200);
        Api.as(Api.supplier(supplier)).get("/api/v1/supply-offers/" + offer).then().body("status", equalTo("EXPIRED"));
        KafkaEvents.await("supply.offers", r -> offer.equals(r.key()) && r.value().contains("\"EXPIRED\""),
                Duration.ofSeconds(20));
    }

    /** Offers cannot be published with a past expiry date, so time passes here instead. */
    void backdate(String offer, LocalDate expiry) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "UPDATE supply_offer SET expiry_date = :expiry WHERE id = :id").setParameter("expiry", expiry)
                .setParameter("id", UUID.fromString(offer)).executeUpdate());
    }
}
