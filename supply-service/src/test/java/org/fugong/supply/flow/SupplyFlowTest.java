package org.fugong.supply.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fugong.testing.KafkaEvents.header;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.fugong.contracts.Contracts;
import org.fugong.supply.support.Api;
import org.fugong.supply.support.RegistryFeed;
import org.fugong.supply.support.SupplyTest;
import org.fugong.testing.KafkaEvents;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Registry event → offers → a Hubei hospital's critical request → allocation events on Kafka. */
@QuarkusTest
@SupplyTest
class SupplyFlowTest {

    @Test
    void aCriticalRequestIsServedFromTheNearestActiveCertifiedSuppliersAndASuspendedOneIsPassedOver() throws Exception {
        String item = Api.newItem("GB 19083-2010");
        UUID wuhanSupplier = RegistryFeed.organisation("ENTERPRISE", "420111", "ACTIVE", 0);
        UUID hangzhouSupplier = RegistryFeed.organisation("ENTERPRISE", "330106", "ACTIVE", 0);
        UUID suspendedSupplier = RegistryFeed.organisation("ENTERPRISE", "420102", "ACTIVE", 0);
        UUID hospital = RegistryFeed.organisation("HEALTH_INSTITUTION", "420102", "ACTIVE", 0);

        String near = Api.as(Api.supplier(wuhanSupplier)).body(Api.certifiedOffer(item, 300, "420111"))
                .post("/api/v1/supply-offers").then().statusCode(201).extract().path("id");
        Api.as(Api.supplier(hangzhouSupplier)).body(Api.certifiedOffer(item, 1000, "330106"))
                .post("/api/v1/supply-offers").then().statusCode(201);
        // The nearest stock of all, in the hospital's own district, belongs to a supplier the registry then suspends.
        String suspended = Api.as(Api.supplier(suspendedSupplier)).body(Api.certifiedOffer(item, 1000, "420102"))
                .post("/api/v1/supply-offers").then().statusCode(201).extract().path("id");
        RegistryFeed.publish(suspendedSupplier, "ENTERPRISE", "420102", "SUSPENDED", 1,
                "fugong.registry.enterprise.status-changed", UUID.randomUUID().toString());
        RegistryFeed.await(() -> "SUSPENDED".equals(RegistryFeed.read(suspendedSupplier).status));

        String request = Api.as(Api.hospital(hospital)).body(Api.request(item, 500, "CRITICAL"))
                .post("/api/v1/supply-requests").then().statusCode(201)
                .body("delivery_region", equalTo("420102")).body("status", equalTo("ALLOCATED"))
                .body("allocated", equalTo(500)).extract().path("id");

        // Wuhan's 300 first (same prefecture), the rest from Hangzhou; the suspended supplier's stock is passed over.
        var allocations = Api.as(Api.hospital(hospital)).queryParam("request_id", request).get("/api/v1/allocations")
                .then().statusCode(200).body("items", hasSize(2)).extract();
        List<String> offers = allocations.path("items.offer_id");
        assertThat(offers).doesNotContain(suspended).first().isEqualTo(near);
        assertThat(allocations.<List<Integer>>path("items.quantity")).containsExactly(300, 200);
        String first = allocations.path("items[0].id");
        Api.as(Api.hospital(hospital)).get("/api/v1/allocations/" + first).then().statusCode(200)
                .body("nearness", equalTo("SAME_PREFECTURE")).body("quantity", equalTo(300))
                .body("rule", containsString("CRITICAL")).body("rule", containsString("priority region"));

        ConsumerRecord<String, String> proposed = KafkaEvents.await("supply.allocations",
                KafkaEvents.keyAndType(first, "fugong.supply.allocation.proposed"), Duration.ofSeconds(20));
        Contracts.assertValid("fugong.supply.allocation.proposed", proposed.value());
        assertThat(header(proposed, "ce_source")).isEqualTo("/fugong/supply");
        ConsumerRecord<String, String> submitted = KafkaEvents.await("supply.requests",
                KafkaEvents.keyAndType(request, "fugong.supply.request.submitted"), Duration.ofSeconds(20));
        Contracts.assertValid("fugong.supply.request.submitted", submitted.value());
        ConsumerRecord<String, String> published = KafkaEvents.await("supply.offers",
                KafkaEvents.keyAndType(near, "fugong.supply.offer.published"), Duration.ofSeconds(20));
        Contracts.assertValid("fugong.supply.offer.published", published.value());
    }
}
