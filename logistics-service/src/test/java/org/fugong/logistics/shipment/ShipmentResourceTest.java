package org.fugong.logistics.shipment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fugong.logistics.support.Shipments.DESTINATION;
import static org.fugong.logistics.support.Shipments.OFF_THE_WAY;
import static org.fugong.logistics.support.Shipments.ON_THE_WAY;
import static org.fugong.logistics.support.Shipments.ORIGIN;
import static org.fugong.logistics.support.Shipments.SHIPMENTS;
import static org.fugong.testing.ProblemAssertions.problem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.fugong.logistics.pass.GreenPass;
import org.fugong.logistics.pass.PassDecision;
import org.fugong.logistics.pass.PassStatus;
import org.fugong.logistics.support.Api;
import org.fugong.logistics.support.LogisticsTest;
import org.fugong.logistics.support.RegistryFeed;
import org.fugong.logistics.support.Shipments;
import org.fugong.logistics.support.SupplyFeed;
import org.fugong.testing.KafkaEvents;
import org.fugong.testing.TestJwt;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/**
 * {@code /api/v1/shipments}: planned from supply's confirmed allocations, a vehicle and its green pass,
 * pick-up, checkpoints, the proof of delivery, cancellation; scopes, bad input, idempotency, pages.
 */
@QuarkusTest
@LogisticsTest
class ShipmentResourceTest {

    static final String GROUP = "logistics.AllocationEventHandler";

    @Inject
    EntityManager em;

    @Inject
    AllocationEventHandler handler;

    /** A shipment of 60 protective masks from an ESSENTIAL Wuhan supplier to a Wuhan hospital. */
    record Planned(UUID supplier, UUID hospital, SupplyFeed.Allocation allocation, UUID shipment) {
        String path() {
            return SHIPMENTS + "/" + shipment;
        }
    }

    static Planned planned() {
        UUID supplier = RegistryFeed.essentialEnterprise(ORIGIN);
        UUID hospital = UUID.randomUUID();
        SupplyFeed.Allocation a = SupplyFeed.Allocation.of(supplier, hospital, ORIGIN, DESTINATION, "PROTECTIVE_GEAR", 60);
        return new Planned(supplier, hospital, a, SupplyFeed.confirmed(a).id);
    }

    long processed(String eventId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM processed_event WHERE consumer_group = :group AND event_id = :id")
                .setParameter("group", GROUP).setParameter("id", eventId).getSingleResult()).longValue());
    }

    /** An event on the allocation's key that changes nothing: once handled, everything before it on that key was. */
    void markerBehind(SupplyFeed.Allocation a) {
        String marker = UUID.randomUUID().toString();
        SupplyFeed.publish(SupplyFeed.PROPOSED, new SupplyFeed.Allocation(a.id(), a.supplier(), a.receiver(), ORIGIN,
                DESTINATION, "DRUG", a.quantity()), marker);
        RegistryFeed.await(() -> processed(marker) == 1);
    }

    static long shipmentsOf(UUID allocation) {
        return QuarkusTransaction.requiringNew().call(() -> Shipment.count("allocationId", allocation));
    }

    static long passesOf(UUID enterprise) {
        return QuarkusTransaction.requiringNew().call(() -> GreenPass.count("enterpriseId", enterprise));
    }

    static Map<String, Object> vehicle(Consumer<Map<String, Object>> change) {
        Map<String, Object> body = Shipments.vehicle();
        change.accept(body);
        return body;
    }

    static Map<String, Object> driver(String field, Object value) {
        Map<String, Object> body = Shipments.vehicle();
        @SuppressWarnings("unchecked")
        Map<String, Object> driver = new HashMap<>((Map<String, Object>) body.get("driver"));
        driver.put(field, value);
        body.put("driver", driver);
        return body;
    }

    static Map<String, Object> delivery(long received) {
        return Map.of("received_quantity", received, "receiver_name", "李娜");
    }

    @Test
    void theConsumerGroupIsDeclaredAndReadsSuppliesAllocations() {
        assertThat(handler.group()).isEqualTo(GROUP);
        assertThat(handler.topics()).containsExactly("supply.allocations");
    }

    @Test
    void aConfirmedAllocationIsPlannedWithItsEndsCargoAndPartiesAndSeenByThemAlone() {
        Planned p = planned();
        Api.as(Api.enterprise(p.supplier())).get(p.path()).then().statusCode(200).header("ETag", equalTo("\"0\""))
                .body("status", equalTo("PLANNED")).body("allocation_id", equalTo(p.allocation().id().toString()))
                .body("origin_region", equalTo(ORIGIN)).body("destination_region", equalTo(DESTINATION))
                .body("quantity", equalTo(60)).body("item_code", equalTo("MASK_MEDICAL_PROTECTIVE"))
                .body("item_category", equalTo("PROTECTIVE_GEAR")).body("cargo_category", equalTo("MEDICAL_SUPPLIES"))
                .body("supplier_id", equalTo(p.supplier().toString()))
                .body("receiver_id", equalTo(p.hospital().toString())).body("vehicle", nullValue())
                .body("tracking.kind", equalTo(List.of("PLANNED")));
        for (String sees : List.of(Shipments.hospital(p.hospital()), TestJwt.authority("4201"), TestJwt.authority("420102"),
                TestJwt.authority("420111"), TestJwt.admin())) {
            Api.as(sees).get(p.path()).then().statusCode(200).body("id", equalTo(p.shipment().toString()));
        }
        for (String outside : List.of(Api.enterprise(UUID.randomUUID()), Shipments.hospital(UUID.randomUUID()),
                TestJwt.authority("33"), TestJwt.authority("420103"))) {
            problem(Api.as(outside).get(p.path()).then(), 404);
        }
        problem(Api.as(TestJwt.admin()).get(SHIPMENTS + "/" + UUID.randomUUID()).then(), 404);
    }

    @Test
    void theSameConfirmationTwiceAndAnotherForTheSameAllocationPlanOneShipment() {
        UUID supplier = RegistryFeed.essentialEnterprise(ORIGIN);
        SupplyFeed.Allocation a = SupplyFeed.Allocation.of(supplier, UUID.randomUUID(), ORIGIN, DESTINATION, "DRUG", 10);
        String eventId = UUID.randomUUID().toString();
        SupplyFeed.publish(SupplyFeed.CONFIRMED, a, eventId);
        SupplyFeed.publish(SupplyFeed.CONFIRMED, a, eventId);
        SupplyFeed.publish(SupplyFeed.CONFIRMED, a, UUID.randomUUID().toString());
        markerBehind(a);
        assertThat(processed(eventId)).isEqualTo(1);
        assertThat(shipmentsOf(a.id())).isEqualTo(1);
    }

    @Test
    void aConfirmationWithoutTheShippingDetailsOrWithAnUnknownCategoryPlansNothingAndTheConsumerGoesOn() throws Exception {
        UUID supplier = RegistryFeed.essentialEnterprise(ORIGIN);
        SupplyFeed.Allocation old = SupplyFeed.Allocation.of(supplier, UUID.randomUUID(), ORIGIN, DESTINATION, "DRUG", 10);
        ObjectNode payload = SupplyFeed.payload(SupplyFeed.CONFIRMED, old);
        ((ObjectNode) payload.get("allocation")).remove(List.of("origin_region", "destination_region", "item_category",
                "requester_org_id"));
        String oldEvent = UUID.randomUUID().toString();
        SupplyFeed.send(SupplyFeed.CONFIRMED, old.id().toString(), oldEvent, payload); // valid: the fields are optional
        markerBehind(old);
        assertThat(processed(oldEvent)).as("handled, not dead-lettered").isEqualTo(1);
        assertThat(shipmentsOf(old.id())).isZero();

        // A category a later supply might add: outside today's contract, so sent without its check.
        SupplyFeed.Allocation future = SupplyFeed.Allocation.of(supplier, UUID.randomUUID(), ORIGIN, DESTINATION,
                "SPACE_SUIT", 10);
        String futureEvent = UUID.randomUUID().toString();
        KafkaEvents.publish("supply.allocations", future.id().toString(), futureEvent, SupplyFeed.CONFIRMED,
                "/fugong/supply", SupplyFeed.payload(SupplyFeed.CONFIRMED, future).toString());
        markerBehind(future);
        assertThat(processed(futureEvent)).isEqualTo(1);
        assertThat(shipmentsOf(future.id())).isZero();

        // The consumer went on: the next confirmation is planned.
        assertThat(SupplyFeed.confirmed(SupplyFeed.Allocation.of(supplier, null, ORIGIN, DESTINATION, "DRUG", 1)).status)
                .isEqualTo(ShipmentStatus.PLANNED);
    }

    @Test
    void theSupplierAssignsAVehicleAndTheGreenPassIsIssuedByThePassRulesOnceWithIdempotency() {
        Planned p = planned();
        String assignment = p.path() + "/vehicle-assignment";
        String key = UUID.randomUUID().toString();
        String supplier = Api.enterprise(p.supplier()); // one caller: a key is the caller's own
        ExtractableResponse<Response> first = Api.as(supplier).header("Idempotency-Key", key)
                .body(Shipments.vehicle()).post(assignment).then().statusCode(201).body("status", equalTo("VEHICLE_ASSIGNED"))
                .body("vehicle.plate", equalTo(Shipments.PLATE)).body("vehicle.vehicle_type", equalTo("TRUCK"))
                .body("vehicle.driver.phone", equalTo(Api.DRIVER_PHONE)).body("vehicle.driver.masked", equalTo(false))
                .body("vehicle.green_pass_status", equalTo("APPROVED"))
                .body("tracking.kind", equalTo(List.of("PLANNED", "VEHICLE_ASSIGNED"))).extract();
        assertThat(first.header("Location")).endsWith(p.path());
        String passId = first.path("green_pass_id");
        assertThat(first.<String>path("green_pass_number")).matches(ORIGIN + "\\d{6}");
        Api.as(supplier).header("Idempotency-Key", key).body(Shipments.vehicle()).post(assignment)
                .then().statusCode(201).header("Idempotent-Replayed", "true").body("green_pass_id", equalTo(passId));
        problem(Api.as(supplier).header("Idempotency-Key", key)
                .body(vehicle(b -> b.put("vehicle_type", "VAN"))).post(assignment).then(), 422);
        problem(Api.as(supplier).body(Shipments.vehicle()).post(assignment).then(), 409);
        assertThat(passesOf(p.supplier())).isEqualTo(1);

        // The pass is the supplier's, for the shipment's route and cargo, decided by the rule.
        Api.as(Api.enterprise(p.supplier())).get("/api/v1/green-passes/" + passId).then().statusCode(200)
                .body("enterprise_id", equalTo(p.supplier().toString())).body("cargo_category", equalTo("MEDICAL_SUPPLIES"))
                .body("route", equalTo(List.of(ORIGIN, "420100", DESTINATION))).body("status", equalTo("APPROVED"))
                .body("rule", equalTo(PassDecision.APPROVED)).body("code", notNullValue());
        // The driver: in full for the supplier and administrators, masked for the receiver and authorities.
        Api.as(TestJwt.admin()).get(p.path()).then().body("vehicle.driver.id_number", equalTo(Api.DRIVER_ID));
        for (String other : List.of(Shipments.hospital(p.hospital()), TestJwt.authority("42"))) {
            Api.as(other).get(p.path()).then().statusCode(200).body("vehicle.driver.masked", equalTo(true))
                    .body("vehicle.driver.phone", equalTo("138****5678"))
                    .body("vehicle.driver.id_number", equalTo("110105********002X"))
                    .body("vehicle.driver.name", equalTo("张*"));
        }
    }

    @Test
    void aStandardSuppliersPassWaitsForReviewLikeAnyApplication() {
        UUID supplier = RegistryFeed.organisation(ORIGIN, "ACTIVE", "STANDARD", false);
        UUID shipment = SupplyFeed.confirmed(SupplyFeed.Allocation.of(supplier, UUID.randomUUID(), ORIGIN, DESTINATION,
                "RAW_MATERIAL", 5)).id;
        JsonPath assigned = Shipments.assign(supplier, shipment);
        assertThat(assigned.getString("cargo_category")).isEqualTo("PRODUCTION_MATERIALS");
        assertThat(assigned.getString("vehicle.green_pass_status")).isEqualTo("PENDING_REVIEW");
        Api.as(Api.enterprise(supplier)).get("/api/v1/green-passes/" + assigned.getString("green_pass_id")).then()
                .body("rule", equalTo(PassDecision.ENTERPRISE_NOT_PRIORITY)).body("cargo_category", equalTo("PRODUCTION_MATERIALS"));
    }

    @Test
    void pickedUpTrackedAtEveryValidCheckpointAndDeliveredWithTheProofOfDelivery() {
        Planned p = planned();
        String passId = Shipments.assign(p.supplier(), p.shipment()).getString("green_pass_id");
        Shipments.pickUp(p.supplier(), p.shipment());
        Api.as(Api.enterprise(p.supplier())).put(p.path() + "/pick-up").then().statusCode(200)
                .body("status", equalTo("PICKED_UP")).body("tracking.kind", equalTo(List.of("PLANNED", "VEHICLE_ASSIGNED",
                        "PICKED_UP")));
        String etag = Api.as(Api.enterprise(p.supplier())).get(p.path()).then().extract().header("ETag");

        String code = Shipments.codeOf(p.supplier(), passId);
        String onTheWay = Shipments.checkpoint(ON_THE_WAY);
        assertThat(Shipments.scan(onTheWay, code)).isEqualTo("VALID");
        assertThat(Shipments.scan(Shipments.checkpoint(OFF_THE_WAY), code)).isEqualTo("OFF_ROUTE");
        ExtractableResponse<Response> inTransit = Api.as(Shipments.hospital(p.hospital())).get(p.path()).then()
                .statusCode(200).body("status", equalTo("IN_TRANSIT"))
                .body("tracking.kind", equalTo(List.of("PLANNED", "VEHICLE_ASSIGNED", "PICKED_UP", "CHECKPOINT_PASSED")))
                .body("tracking[3].checkpoint_id", equalTo(onTheWay)).body("tracking[3].county_code", equalTo(ON_THE_WAY))
                .body("tracking[3].at", notNullValue()).extract();
        assertThat(inTransit.header("ETag")).isNotEqualTo(etag);
        assertThat(Shipments.scan(onTheWay, code)).isEqualTo("VALID");
        Api.as(Shipments.hospital(p.hospital())).get(p.path()).then().body("tracking.kind", hasSize(5));

        Api.as(Shipments.hospital(p.hospital())).body(delivery(58)).put(p.path() + "/delivery").then().statusCode(200)
                .body("status", equalTo("DELIVERED")).body("received_quantity", equalTo(58))
                .body("receiver_name", equalTo("李娜")).body("delivered_at", notNullValue());
        Api.as(Shipments.hospital(p.hospital())).body(delivery(58)).put(p.path() + "/delivery").then().statusCode(200);
        problem(Api.as(Shipments.hospital(p.hospital())).body(delivery(60)).put(p.path() + "/delivery").then(), 409);
        // Delivered: the truck's way back through a checkpoint is not this shipment's.
        assertThat(Shipments.scan(onTheWay, code)).isEqualTo("VALID");
        Api.as(Api.enterprise(p.supplier())).get(p.path()).then().body("tracking.kind", hasSize(6))
                .body("tracking[5].kind", equalTo("DELIVERED"));
    }

    @Test
    void eachTransitionInTheWrongStateIs409AndMoreThanShippedIs400() {
        Planned p = planned();
        problem(Api.as(Api.enterprise(p.supplier())).put(p.path() + "/pick-up").then(), 409);
        problem(Api.as(Shipments.hospital(p.hospital())).body(delivery(60)).put(p.path() + "/delivery").then(), 409);
        Shipments.assign(p.supplier(), p.shipment());
        problem(Api.as(Shipments.hospital(p.hospital())).body(delivery(60)).put(p.path() + "/delivery").then(), 409);
        Shipments.pickUp(p.supplier(), p.shipment());
        problem(Api.as(Shipments.hospital(p.hospital())).body(delivery(61)).put(p.path() + "/delivery").then(), 400)
                .body("errors[0].field", equalTo("received_quantity"));
        Api.as(Shipments.hospital(p.hospital())).get(p.path()).then().body("status", equalTo("PICKED_UP"));
        problem(Api.as(Api.enterprise(p.supplier())).body(Shipments.vehicle()).post(p.path() + "/vehicle-assignment")
                .then(), 409);
    }

    @Test
    void badVehiclesAndDeliveriesAre400NamingTheFieldAndWriteNothing() {
        Planned p = planned();
        String assignment = p.path() + "/vehicle-assignment";
        List<Map.Entry<String, Map<String, Object>>> cases = List.of(
                Map.entry("plate", vehicle(b -> b.put("plate", "浙I12345"))),
                Map.entry("plate", vehicle(b -> b.put("plate", "鄂A" + "1".repeat(30)))),
                Map.entry("plate", vehicle(b -> b.remove("plate"))),
                Map.entry("vehicle_type", vehicle(b -> b.put("vehicle_type", "ROCKET"))),
                Map.entry("driver", vehicle(b -> b.remove("driver"))),
                Map.entry("driver.id_number", driver("id_number", "110105194912310021")),
                Map.entry("driver.phone", driver("phone", "12345")),
                Map.entry("driver.name", driver("name", " ")),
                Map.entry("driver.name", driver("name", "张".repeat(51))),
                Map.entry("via[0]", vehicle(b -> b.put("via", List.of("999999")))),
                Map.entry("via[0]", vehicle(b -> b.put("via", List.of("42")))),
                Map.entry("via", vehicle(b -> b.put("via", List.of("420000", "420100", "420000", "420100", "420000",
                        "420100", "420000", "420100", "420000")))),
                Map.entry("valid_from", vehicle(b -> b.put("valid_from", Api.today().minusDays(1).toString()))),
                Map.entry("valid_until", vehicle(b -> b.put("valid_until", Api.today().plusDays(14).toString()))),
                Map.entry("valid_until", vehicle(b -> b.put("valid_until", Api.today().minusDays(1).toString()))),
                Map.entry("valid_until", vehicle(b -> b.put("valid_until", "tomorrow"))));
        cases.forEach(c -> problem(Api.as(Api.enterprise(p.supplier())).body(c.getValue()).post(assignment).then(), 400)
                .body("errors.field", hasItem(c.getKey())));
        assertThat(passesOf(p.supplier())).isZero();
        Api.as(Api.enterprise(p.supplier())).get(p.path()).then().body("status", equalTo("PLANNED")).body("version", equalTo(0));

        Shipments.assign(p.supplier(), p.shipment());
        Shipments.pickUp(p.supplier(), p.shipment());
        String delivery = p.path() + "/delivery";
        List<Map.Entry<String, Map<String, Object>>> bad = List.of(
                Map.entry("received_quantity", Map.of("received_quantity", -1, "receiver_name", "李娜")),
                Map.entry("received_quantity", Map.of("received_quantity", "many", "receiver_name", "李娜")),
                Map.entry("received_quantity", Map.of("received_quantity", 61, "receiver_name", "李娜")),
                Map.entry("received_quantity", Map.of("receiver_name", "李娜")),
                Map.entry("receiver_name", Map.of("received_quantity", 10)),
                Map.entry("receiver_name", Map.of("received_quantity", 10, "receiver_name", " ")),
                Map.entry("receiver_name", Map.of("received_quantity", 10, "receiver_name", "x".repeat(101))));
        bad.forEach(c -> problem(Api.as(Shipments.hospital(p.hospital())).body(c.getValue()).put(delivery).then(), 400)
                .body("errors.field", hasItem(c.getKey())));
        Api.as(Shipments.hospital(p.hospital())).get(p.path()).then().body("status", equalTo("PICKED_UP"));

        for (Map.Entry<String, String> query : Map.of("status", "LOST", "allocation_id", "not-a-uuid", "limit", "0",
                "cursor", "bogus").entrySet()) {
            problem(Api.as(Api.enterprise(p.supplier())).queryParam(query.getKey(), query.getValue()).get(SHIPMENTS)
                    .then(), 400).body("errors[0].field", equalTo(query.getKey()));
        }
    }

    @Test
    void callersOutsideTheShipmentAre404AndThoseWhoSeeItButDoNotActForItAre403() {
        Planned p = planned();
        String assignment = p.path() + "/vehicle-assignment";
        String otherEnterprise = Api.enterprise(UUID.randomUUID());
        // The receiver's people under the ENTERPRISE role see the shipment, but it is not theirs to load.
        String receiverAsEnterprise = Api.enterprise(p.hospital());
        problem(Api.as(otherEnterprise).body(Shipments.vehicle()).post(assignment).then(), 404);
        problem(Api.as(receiverAsEnterprise).body(Shipments.vehicle()).post(assignment).then(), 403);
        problem(Api.as(TestJwt.authority("42")).body(Shipments.vehicle()).post(assignment).then(), 403);
        problem(Api.as(Shipments.hospital(p.hospital())).body(Shipments.vehicle()).post(assignment).then(), 403);
        assertThat(passesOf(p.supplier())).isZero();

        Shipments.assign(p.supplier(), p.shipment());
        problem(Api.as(otherEnterprise).put(p.path() + "/pick-up").then(), 404);
        problem(Api.as(receiverAsEnterprise).put(p.path() + "/pick-up").then(), 403);
        Shipments.pickUp(p.supplier(), p.shipment());

        String delivery = p.path() + "/delivery";
        problem(Api.as(Api.enterprise(p.supplier())).body(delivery(60)).put(delivery).then(), 403);
        problem(Api.as(TestJwt.authority("4201")).body(delivery(60)).put(delivery).then(), 403);
        problem(Api.as(TestJwt.authority("33")).body(delivery(60)).put(delivery).then(), 404);
        problem(Api.as(Shipments.hospital(UUID.randomUUID())).body(delivery(60)).put(delivery).then(), 404);
        Api.as(TestJwt.admin()).get(p.path()).then().body("status", equalTo("PICKED_UP"));
        Api.as(receiverAsEnterprise).body(delivery(60)).put(delivery).then().statusCode(200)
                .body("status", equalTo("DELIVERED"));
    }

    @Test
    void anAuthoritysRequestHasNoReceivingInstitutionAndAnAuthorityCoveringTheDestinationSignsForIt() {
        UUID supplier = RegistryFeed.essentialEnterprise(ORIGIN);
        SupplyFeed.Allocation a = SupplyFeed.Allocation.of(supplier, null, ORIGIN, DESTINATION, "DISINFECTANT", 30);
        UUID shipment = SupplyFeed.confirmed(a).id;
        String path = SHIPMENTS + "/" + shipment;
        Api.as(TestJwt.authority("4201")).get(path).then().statusCode(200).body("receiver_id", nullValue());
        Shipments.assign(supplier, shipment);
        Shipments.pickUp(supplier, shipment);
        problem(Api.as(TestJwt.authority("4202")).body(delivery(30)).put(path + "/delivery").then(), 404);
        problem(Api.as(Api.enterprise(supplier)).body(delivery(30)).put(path + "/delivery").then(), 403);
        Api.as(TestJwt.authority(DESTINATION)).body(delivery(30)).put(path + "/delivery").then().statusCode(200)
                .body("status", equalTo("DELIVERED")).body("received_quantity", equalTo(30));
    }

    @Test
    void aCancelledAllocationCancelsTheShipmentAndRevokesItsPassButADeliveredOneStands() {
        Planned p = planned();
        String passId = Shipments.assign(p.supplier(), p.shipment()).getString("green_pass_id");
        String code = Shipments.codeOf(p.supplier(), passId);
        SupplyFeed.publish(SupplyFeed.CANCELLED, p.allocation(), UUID.randomUUID().toString());
        RegistryFeed.await(() -> SupplyFeed.shipmentOf(p.allocation().id()).status == ShipmentStatus.CANCELLED);
        Api.as(Shipments.hospital(p.hospital())).get(p.path()).then().body("status", equalTo("CANCELLED"))
                .body("cancellation_reason", equalTo("Allocation cancelled")).body("cancelled_at", notNullValue())
                .body("vehicle.green_pass_status", equalTo("REVOKED"))
                .body("tracking.kind", equalTo(List.of("PLANNED", "VEHICLE_ASSIGNED", "CANCELLED")));
        assertThat(QuarkusTransaction.requiringNew().call(() -> GreenPass.<GreenPass>findById(UUID.fromString(passId)).status))
                .isEqualTo(PassStatus.REVOKED);
        assertThat(Shipments.scan(Shipments.checkpoint(ON_THE_WAY), code)).isEqualTo("REVOKED");
        problem(Api.as(Api.enterprise(p.supplier())).put(p.path() + "/pick-up").then(), 409);

        Planned delivered = planned();
        Shipments.assign(delivered.supplier(), delivered.shipment());
        Shipments.pickUp(delivered.supplier(), delivered.shipment());
        Api.as(Shipments.hospital(delivered.hospital())).body(delivery(60)).put(delivered.path() + "/delivery").then()
                .statusCode(200);
        String late = UUID.randomUUID().toString();
        SupplyFeed.publish(SupplyFeed.CANCELLED, delivered.allocation(), late);
        markerBehind(delivered.allocation());
        assertThat(processed(late)).isEqualTo(1);
        Api.as(Shipments.hospital(delivered.hospital())).get(delivered.path()).then().body("status", equalTo("DELIVERED"));
    }

    @Test
    void listsAreScopedFilteredByStatusAndAllocationAndPagedByCursor() {
        UUID supplier = RegistryFeed.essentialEnterprise(ORIGIN);
        UUID hospital = UUID.randomUUID();
        List<UUID> ids = new ArrayList<>();
        List<SupplyFeed.Allocation> allocations = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            SupplyFeed.Allocation a = SupplyFeed.Allocation.of(supplier, hospital, ORIGIN, DESTINATION, "DRUG", 10 + i);
            allocations.add(a);
            ids.add(SupplyFeed.confirmed(a).id);
        }
        Shipments.assign(supplier, ids.get(1));
        String supplierToken = Api.enterprise(supplier);
        ExtractableResponse<Response> page = Api.as(supplierToken).queryParam("limit", 2).get(SHIPMENTS).then()
                .statusCode(200).body("items.id", equalTo(List.of(ids.get(0).toString(), ids.get(1).toString())))
                .body("items[0].tracking", nullValue()).body("next_cursor", notNullValue()).extract();
        Api.as(supplierToken).queryParam("cursor", page.<String>path("next_cursor")).get(SHIPMENTS).then()
                .body("items.id", equalTo(List.of(ids.get(2).toString()))).body("next_cursor", nullValue());
        Api.as(supplierToken).queryParam("status", "vehicle_assigned").get(SHIPMENTS).then()
                .body("items.id", equalTo(List.of(ids.get(1).toString())))
                .body("items[0].vehicle.driver.masked", equalTo(false));
        Api.as(Shipments.hospital(hospital)).queryParam("status", "VEHICLE_ASSIGNED").get(SHIPMENTS).then()
                .body("items.id", equalTo(List.of(ids.get(1).toString())))
                .body("items[0].vehicle.driver.masked", equalTo(true));
        Api.as(TestJwt.admin()).queryParam("allocation_id", allocations.get(2).id().toString()).get(SHIPMENTS).then()
                .body("items.id", equalTo(List.of(ids.get(2).toString())));
        Api.as(TestJwt.authority("4201")).queryParam("allocation_id", allocations.get(0).id().toString())
                .get(SHIPMENTS).then().body("items.id", equalTo(List.of(ids.get(0).toString())));
        for (String outside : List.of(TestJwt.authority("33"), Api.enterprise(UUID.randomUUID()),
                Shipments.hospital(UUID.randomUUID()))) {
            Api.as(outside).queryParam("allocation_id", allocations.get(0).id().toString()).get(SHIPMENTS).then()
                    .statusCode(200).body("items", hasSize(0));
        }
    }

    @Test
    void aShipmentWhoseEndIsNotACountyCannotHaveAPass() {
        UUID supplier = RegistryFeed.essentialEnterprise(ORIGIN);
        // An authority asked for delivery to Wuhan as a whole: a prefecture, where no pass may end.
        UUID shipment = SupplyFeed.confirmed(SupplyFeed.Allocation.of(supplier, null, ORIGIN, "420100", "DRUG", 5)).id;
        problem(Api.as(Api.enterprise(supplier)).body(Shipments.vehicle()).post(SHIPMENTS + "/" + shipment
                + "/vehicle-assignment").then(), 409);
        assertThat(passesOf(supplier)).isZero();
    }
}
