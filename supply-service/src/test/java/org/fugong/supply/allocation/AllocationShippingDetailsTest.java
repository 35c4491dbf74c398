package org.fugong.supply.allocation;

import static org.assertj.core.api.Assertions.assertThat;
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
import org.fugong.testing.TestJwt;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Every allocation event carries what logistics plans a shipment from — the offer's origin, the
 * request's delivery region, the requesting institution and the item's category — taken from
 * supply's own data, and still valid against the contract.
 */
@QuarkusTest
@SupplyTest
class AllocationShippingDetailsTest {

    static final Duration WAIT = Duration.ofSeconds(20);
    static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode allocationOf(ConsumerRecord<String, String> record, String type) throws Exception {
        Contracts.assertValid(type, record.value());
        return JSON.readTree(record.value()).get("allocation");
    }

    @Test
    void proposedConfirmedAndCancelledCarryOriginDestinationRequesterAndCategory() throws Exception {
        String item = Api.newItem(null, "DRUG");
        UUID supplier = RegistryFeed.organisation("ENTERPRISE", "420111", "ACTIVE", 0);
        UUID hospital = RegistryFeed.organisation("HEALTH_INSTITUTION", "420102", "ACTIVE", 0);
        Api.as(Api.supplier(supplier)).body(Api.certifiedOffer(item, 100, "420111")).post("/api/v1/supply-offers").then()
                .statusCode(201);
        String request = Api.as(Api.hospital(hospital)).body(Api.request(item, 60, "CRITICAL"))
                .post("/api/v1/supply-requests").then().statusCode(201).extract().path("id");
        String allocation = Api.as(Api.hospital(hospital)).queryParam("request_id", request).get("/api/v1/allocations")
                .then().body("items", hasSize(1)).body("items[0].origin_region", equalTo("420111"))
                .body("items[0].destination_region", equalTo("420102"))
                .body("items[0].requester_org_id", equalTo(hospital.toString()))
                .body("items[0].item_category", equalTo("DRUG")).extract().path("items[0].id");
        Api.as(Api.supplier(supplier)).put("/api/v1/allocations/" + allocation + "/confirmation").then().statusCode(200);
        Api.as(Api.hospital(hospital)).put("/api/v1/supply-requests/" + request + "/cancellation").then().statusCode(200);

        for (String type : new String[] { AllocationEvents.PROPOSED, AllocationEvents.CONFIRMED, AllocationEvents.CANCELLED }) {
            JsonNode a = allocationOf(KafkaEvents.await(AllocationEvents.TOPIC, KafkaEvents.keyAndType(allocation, type),
                    WAIT), type);
            assertThat(a.get("origin_region").asText()).as(type).isEqualTo("420111");
            assertThat(a.get("destination_region").asText()).as(type).isEqualTo("420102");
            assertThat(a.get("requester_org_id").asText()).as(type).isEqualTo(hospital.toString());
            assertThat(a.get("item_category").asText()).as(type).isEqualTo("DRUG");
            assertThat(a.get("supplier_id").asText()).as(type).isEqualTo(supplier.toString());
        }
    }

    @Test
    void anAuthoritysRequestHasNoRequestingInstitutionAndTheFieldIsLeftOut() throws Exception {
        String item = Api.newItem(null, "DAILY_NECESSITY");
        UUID supplier = RegistryFeed.organisation("ENTERPRISE", "330106", "ACTIVE", 0);
        Api.as(Api.supplier(supplier)).body(Api.certifiedOffer(item, 10, "330106")).post("/api/v1/supply-offers").then()
                .statusCode(201);
        Map<String, Object> body = Api.request(item, 10, "HIGH");
        body.put("delivery_region", "420100");
        String request = Api.as(TestJwt.authority("42")).body(body).post("/api/v1/supply-requests").then()
                .statusCode(201).extract().path("id");
        String allocation = Api.as(TestJwt.authority("42")).queryParam("request_id", request).get("/api/v1/allocations")
                .then().body("items", hasSize(1)).extract().path("items[0].id");

        JsonNode a = allocationOf(KafkaEvents.await(AllocationEvents.TOPIC,
                KafkaEvents.keyAndType(allocation, AllocationEvents.PROPOSED), WAIT), AllocationEvents.PROPOSED);
        assertThat(a.has("requester_org_id")).isFalse();
        assertThat(a.get("destination_region").asText()).isEqualTo("420100");
        assertThat(a.get("origin_region").asText()).isEqualTo("330106");
        assertThat(a.get("item_category").asText()).isEqualTo("DAILY_NECESSITY");
    }

    @Test
    void anEventOfAnOlderProducerWithoutTheNewFieldsStillConforms() throws Exception {
        ObjectNode old = (ObjectNode) JSON.readTree(Contracts.example(AllocationEvents.CONFIRMED));
        ((ObjectNode) old.get("allocation")).remove(
                List.of("origin_region", "destination_region", "requester_org_id", "item_category"));
        assertThat(Contracts.violations(AllocationEvents.CONFIRMED, old)).isEmpty();
    }
}
