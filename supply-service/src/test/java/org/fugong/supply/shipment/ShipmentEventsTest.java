package org.fugong.supply.shipment;

import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.fugong.contracts.Contracts;
import org.fugong.supply.support.Api;
import org.fugong.supply.support.RegistryFeed;
import org.fugong.supply.support.SupplyTest;
import org.fugong.testing.KafkaEvents;
import org.fugong.testing.SharedInfrastructure;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;

/** logistics.shipments events, built from the contract's examples, move allocations along — once. */
@QuarkusTest
@SupplyTest
class ShipmentEventsTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void pickedUpThenDeliveredWithTheProofOfDeliveryFulfilsTheRequest() throws Exception {
        String item = Api.newItem(null);
        UUID supplier = RegistryFeed.organisation("ENTERPRISE", "420111", "ACTIVE", 0);
        UUID hospital = RegistryFeed.organisation("HEALTH_INSTITUTION", "420102", "ACTIVE", 0);
        Api.as(Api.supplier(supplier)).body(Api.certifiedOffer(item, 100, "420111")).post("/api/v1/supply-offers").then()
                .statusCode(201);
        String request = Api.as(Api.hospital(hospital)).body(Api.request(item, 60, "CRITICAL"))
                .post("/api/v1/supply-requests").then().statusCode(201).extract().path("id");
        String allocation = Api.as(Api.hospital(hospital)).queryParam("request_id", request).get("/api/v1/allocations")
                .then().extract().path("items[0].id");
        Api.as(Api.supplier(supplier)).put("/api/v1/allocations/" + allocation + "/confirmation").then().statusCode(200);

        String pickedUp = UUID.randomUUID().toString();
        publish("fugong.logistics.shipment.picked-up", allocation, 60, null, pickedUp);
        RegistryFeed.await(() -> "IN_TRANSIT".equals(status(hospital, allocation)));
        Api.as(Api.hospital(hospital)).put("/api/v1/supply-requests/" + request + "/cancellation").then().statusCode(409);

        String delivered = UUID.randomUUID().toString();
        publish("fugong.logistics.shipment.delivered", allocation, 60, 58L, delivered);
        publish("fugong.logistics.shipment.delivered", allocation, 60, 58L, delivered); // redelivered
        RegistryFeed.await(() -> "DELIVERED".equals(status(hospital, allocation)));
        Api.as(Api.hospital(hospital)).get("/api/v1/allocations/" + allocation).then().body("delivered", equalTo(58));
        // A marker behind the duplicate on the same key (so the same partition): once it is handled, so was the duplicate.
        String second = Api.as(Api.hospital(hospital)).body(Api.request(item, 10, "NORMAL"))
                .post("/api/v1/supply-requests").then().statusCode(201).extract().path("id");
        String marker = Api.as(Api.hospital(hospital)).queryParam("request_id", second).get("/api/v1/allocations")
                .then().extract().path("items[0].id");
        publish("fugong.logistics.shipment.picked-up", marker, 10, null, UUID.randomUUID().toString());
        RegistryFeed.await(() -> "IN_TRANSIT".equals(status(hospital, marker)));
        Api.as(Api.hospital(hospital)).get("/api/v1/supply-requests/" + request).then().body("delivered", equalTo(58))
                .body("status", equalTo("FULFILLED"));
        KafkaEvents.await("supply.allocations", KafkaEvents.keyAndType(allocation, "fugong.supply.allocation.delivered"),
                java.time.Duration.ofSeconds(20));
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
        ProducerRecord<String, String> record = new ProducerRecord<>("logistics.shipments", id, payload.toString());
        Map.of("ce_specversion", "1.0", "ce_id", eventId, "ce_type", type, "ce_source", "/fugong/logistics",
                "ce_time", Instant.now().toString(), "ce_subject", id, "content-type", "application/json")
                .forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                "bootstrap.servers", SharedInfrastructure.kafkaBootstrapServers(),
                "key.serializer", "org.apache.kafka.common.serialization.StringSerializer",
                "value.serializer", "org.apache.kafka.common.serialization.StringSerializer"))) {
            producer.send(record).get();
        }
    }
}
