package org.fugong.supply.shipment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.fugong.contracts.Contracts;
import org.fugong.supply.support.Api;
import org.fugong.supply.support.RegistryFeed;
import org.fugong.supply.support.SupplyTest;
import org.fugong.testing.KafkaEvents;
import org.fugong.testing.TestJwt;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** logistics.shipments events, built from the contract's examples, move allocations along — once. */
@QuarkusTest
@SupplyTest
class ShipmentEventsTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static final String GROUP = "supply.ShipmentEventHandler";

    @Inject
    EntityManager em;

    @Test
    void aFullDeliveryWithTheProofOfDeliveryFulfilsTheRequestOnce() throws Exception {
        String item = Api.newItem(null);
        UUID supplier = RegistryFeed.organisation("ENTERPRISE", "420111", "ACTIVE", 0);
        UUID hospital = RegistryFeed.organisation("HEALTH_INSTITUTION", "420102", "ACTIVE", 0);
        Api.as(Api.supplier(supplier)).body(Api.certifiedOffer(item, 100, "420111")).post("/api/v1/supply-offers").then()
                .statusCode(201);
        String request = Api.as(Api.hospital(hospital)).body(Api.request(item, 60, "CRITICAL"))
                .post("/api/v1/supply-requests").then().statusCode(201).extract().path("id");
        String allocation = onlyAllocation(hospital, request);
        Api.as(Api.supplier(supplier)).put("/api/v1/allocations/" + allocation + "/confirmation").then().statusCode(200);

        publish("fugong.logistics.shipment.picked-up", allocation, 60, null, UUID.randomUUID().toString());
        RegistryFeed.await(() -> "IN_TRANSIT".equals(status(hospital, allocation)));
        Api.as(Api.hospital(hospital)).put("/api/v1/supply-requests/" + request + "/cancellation").then().statusCode(409);

        String delivered = UUID.randomUUID().toString();
        publish("fugong.logistics.shipment.delivered", allocation, 60, 60L, delivered);
        publish("fugong.logistics.shipment.delivered", allocation, 60, 60L, delivered); // redelivered
        markerBehind();
        assertThat(processed(delivered)).isEqualTo(1);
        Api.as(Api.hospital(hospital)).get("/api/v1/allocations/" + allocation).then().body("status", equalTo("DELIVERED"))
                .body("delivered", equalTo(60));
        Api.as(Api.hospital(hospital)).get("/api/v1/supply-requests/" + request).then().body("delivered", equalTo(60))
                .body("allocated", equalTo(60)).body("status", equalTo("FULFILLED"));
        Contracts.assertValid("fugong.supply.allocation.delivered", KafkaEvents.await("supply.allocations",
                KafkaEvents.keyAndType(allocation, "fugong.supply.allocation.delivered"), Duration.ofSeconds(20)).value());
    }

    @Test
    void aShortDeliveryLeavesTheShortfallOpenAndItIsMatchedAgain() throws Exception {
        String item = Api.newItem(null);
        UUID supplier = RegistryFeed.organisation("ENTERPRISE", "420111", "ACTIVE", 0);
        UUID hospital = RegistryFeed.organisation("HEALTH_INSTITUTION", "420102", "ACTIVE", 0);
        String offer = Api.as(Api.supplier(supplier)).body(Api.certifiedOffer(item, 60, "420111"))
                .post("/api/v1/supply-offers").then().statusCode(201).extract().path("id");
        String request = Api.as(Api.hospital(hospital)).body(Api.request(item, 60, "CRITICAL"))
                .post("/api/v1/supply-requests").then().statusCode(201).extract().path("id");
        String allocation = onlyAllocation(hospital, request);
        Api.as(Api.supplier(supplier)).put("/api/v1/allocations/" + allocation + "/confirmation").then().statusCode(200);
        publish("fugong.logistics.shipment.picked-up", allocation, 60, null, UUID.randomUUID().toString());
        publish("fugong.logistics.shipment.delivered", allocation, 60, 58L, UUID.randomUUID().toString());
        markerBehind();

        // 58 of 60 arrived: the 2 lost on the way are still needed, not FULFILLED and not forgotten.
        Api.as(Api.hospital(hospital)).get("/api/v1/allocations/" + allocation).then().body("status", equalTo("DELIVERED"))
                .body("delivered", equalTo(58));
        Api.as(Api.hospital(hospital)).get("/api/v1/supply-requests/" + request).then().body("delivered", equalTo(58))
                .body("allocated", equalTo(58)).body("status", equalTo("PARTIALLY_ALLOCATED"));
        Api.as(TestJwt.reader()).queryParam("item", item).get("/api/v1/supply-gaps").then().statusCode(200)
                .body("[0].open_demand", equalTo(2)).body("[0].critical_requests_waiting", equalTo(1));
        // The supplier shipped all 60: none of it comes back to its offer.
        Api.as(Api.supplier(supplier)).get("/api/v1/supply-offers/" + offer).then().body("allocated", equalTo(60))
                .body("status", equalTo("EXHAUSTED"));

        // New supply: the shortfall is matched again, and once it arrives the request is FULFILLED.
        Api.as(Api.supplier(supplier)).body(Api.certifiedOffer(item, 5, "420111")).post("/api/v1/supply-offers").then()
                .statusCode(201);
        var allocations = Api.as(Api.hospital(hospital)).queryParam("request_id", request).get("/api/v1/allocations")
                .then().body("items", hasSize(2)).extract();
        assertThat(allocations.<Integer>path("items[1].quantity")).isEqualTo(2);
        String second = allocations.path("items[1].id");
        Api.as(Api.hospital(hospital)).get("/api/v1/supply-requests/" + request).then().body("allocated", equalTo(60))
                .body("status", equalTo("ALLOCATED"));
        Api.as(Api.supplier(supplier)).put("/api/v1/allocations/" + second + "/confirmation").then().statusCode(200);
        publish("fugong.logistics.shipment.picked-up", second, 2, null, UUID.randomUUID().toString());
        publish("fugong.logistics.shipment.delivered", second, 2, 2L, UUID.randomUUID().toString());
        markerBehind();
        Api.as(Api.hospital(hospital)).get("/api/v1/supply-requests/" + request).then().body("delivered", equalTo(60))
                .body("status", equalTo("FULFILLED"));
        Contracts.assertValid("fugong.supply.request.updated", KafkaEvents.await("supply.requests",
                r -> request.equals(r.key()) && r.value().contains("\"FULFILLED\""), Duration.ofSeconds(20)).value());
    }

    @Test
    void onlyAConfirmedAllocationGoesInTransit() throws Exception {
        String item = Api.newItem(null);
        UUID supplier = RegistryFeed.organisation("ENTERPRISE", "420111", "ACTIVE", 0);
        UUID hospital = RegistryFeed.organisation("HEALTH_INSTITUTION", "420102", "ACTIVE", 0);
        Api.as(Api.supplier(supplier)).body(Api.certifiedOffer(item, 10, "420111")).post("/api/v1/supply-offers").then()
                .statusCode(201);
        String request = Api.as(Api.hospital(hospital)).body(Api.request(item, 10, "HIGH"))
                .post("/api/v1/supply-requests").then().statusCode(201).extract().path("id");
        String allocation = onlyAllocation(hospital, request);
        publish("fugong.logistics.shipment.picked-up", allocation, 10, null, UUID.randomUUID().toString());
        markerBehind();
        assertThat(status(hospital, allocation)).as("the supplier never confirmed it").isEqualTo("PROPOSED");
        Api.as(Api.supplier(supplier)).put("/api/v1/allocations/" + allocation + "/confirmation").then().statusCode(200);
        publish("fugong.logistics.shipment.picked-up", allocation, 10, null, UUID.randomUUID().toString());
        markerBehind();
        assertThat(status(hospital, allocation)).isEqualTo("IN_TRANSIT");
    }

    /**
     * Logistics publishes more shipment types than supply acts on (planned, vehicle-assigned,
     * checkpoint-passed, cancelled): each is consumed — recorded as processed, not dead-lettered —
     * and leaves the allocation as it was; picked-up and delivered still move it along after them.
     */
    @Test
    void theOtherShipmentTypesAreConsumedAndLeaveTheAllocationAlone() throws Exception {
        String item = Api.newItem(null);
        UUID supplier = RegistryFeed.organisation("ENTERPRISE", "420111", "ACTIVE", 0);
        UUID hospital = RegistryFeed.organisation("HEALTH_INSTITUTION", "420102", "ACTIVE", 0);
        Api.as(Api.supplier(supplier)).body(Api.certifiedOffer(item, 20, "420111")).post("/api/v1/supply-offers").then()
                .statusCode(201);
        String request = Api.as(Api.hospital(hospital)).body(Api.request(item, 20, "CRITICAL"))
                .post("/api/v1/supply-requests").then().statusCode(201).extract().path("id");
        String allocation = onlyAllocation(hospital, request);
        Api.as(Api.supplier(supplier)).put("/api/v1/allocations/" + allocation + "/confirmation").then().statusCode(200);

        List<String> ids = new ArrayList<>();
        for (String type : List.of("fugong.logistics.shipment.planned",
                "fugong.logistics.shipment.vehicle-assigned", "fugong.logistics.shipment.checkpoint-passed",
                "fugong.logistics.shipment.cancelled")) {
            String id = UUID.randomUUID().toString();
            ids.add(id);
            publish(type, allocation, 20, null, id);
        }
        markerBehind();
        assertThat(ids).allSatisfy(id -> assertThat(processed(id)).isEqualTo(1));
        assertThat(status(hospital, allocation)).isEqualTo("CONFIRMED");

        publish("fugong.logistics.shipment.picked-up", allocation, 20, null, UUID.randomUUID().toString());
        publish("fugong.logistics.shipment.delivered", allocation, 20, 19L, UUID.randomUUID().toString());
        markerBehind();
        Api.as(Api.hospital(hospital)).get("/api/v1/allocations/" + allocation).then().body("status", equalTo("DELIVERED"))
                .body("delivered", equalTo(19));
    }

    static String onlyAllocation(UUID hospital, String request) {
        return Api.as(Api.hospital(hospital)).queryParam("request_id", request).get("/api/v1/allocations").then()
                .body("items", hasSize(1)).extract().path("items[0].id");
    }

    /**
     * A shipment event for no allocation of ours, on the same key as every event these tests
     * publish (the example's shipment id, so the same partition): once supply's consumer group has
     * recorded it, everything published before it has been handled.
     */
    void markerBehind() throws Exception {
        String marker = UUID.randomUUID().toString();
        publish("fugong.logistics.shipment.picked-up", UUID.randomUUID().toString(), 1, null, marker);
        RegistryFeed.await(() -> processed(marker) == 1);
    }

    long processed(String eventId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM processed_event WHERE consumer_group = :group AND event_id = :id")
                .setParameter("group", GROUP).setParameter("id", eventId).getSingleResult()).longValue());
    }

    static String status(UUID hospital, String allocation) {
        return Api.as(Api.hospital(hospital)).get("/api/v1/allocations/" + allocation).then().extract().path("status");
    }

    static void publish(String type, String allocation, long quantity, Long received, String eventId) throws Exception {
        ObjectNode payload = (ObjectNode) JSON.readTree(Contracts.example(type));
        ObjectNode shipment = (ObjectNode) payload.get("shipment");
        shipment.put("allocation_id", allocation).put("quantity", quantity);
        if (received != null) {
            shipment.put("received_quantity", received);
        }
        Contracts.assertValid(type, payload.toString());
        String id = shipment.get("id").asText();
        KafkaEvents.publish("logistics.shipments", id, eventId, type, "/fugong/logistics", payload.toString());
    }
}
