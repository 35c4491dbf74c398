package org.fugong.logistics.support;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.fugong.testing.TestJwt;

import io.restassured.path.json.JsonPath;

/** What shipment tests do again and again: the supplier's vehicle, a checkpoint on the way, a scan there. */
public final class Shipments {

    public static final String SHIPMENTS = "/api/v1/shipments";
    /** Hongshan, Wuhan: where the test supplier's stock is. */
    public static final String ORIGIN = "420111";
    /** Jiang'an, Wuhan: where the test hospital is. */
    public static final String DESTINATION = "420102";
    /** Dongxihu, Wuhan: on the way, inside the route's 420100. */
    public static final String ON_THE_WAY = "420112";
    /** Macheng, Huanggang: off the route. */
    public static final String OFF_THE_WAY = "421181";
    public static final String PLATE = "鄂A12345";

    private Shipments() {
    }

    public static String hospital(UUID id) {
        return TestJwt.organisation("HEALTH_INSTITUTION", id);
    }

    public static String officer() {
        return TestJwt.as("CHECKPOINT").regionScope("42").token();
    }

    /** A valid vehicle assignment: a truck through Wuhan (420100) for a week from today. */
    public static Map<String, Object> vehicle() {
        Map<String, Object> body = new HashMap<>();
        body.put("plate", PLATE);
        body.put("vehicle_type", "TRUCK");
        body.put("driver", new HashMap<>(Map.of("name", "张伟", "phone", Api.DRIVER_PHONE, "id_number", Api.DRIVER_ID)));
        body.put("valid_from", Api.today().toString());
        body.put("valid_until", Api.today().plusDays(6).toString());
        body.put("via", List.of("420100"));
        return body;
    }

    /** Assigns the vehicle as the supplier; returns the shipment as answered. */
    public static JsonPath assign(UUID supplier, UUID shipment) {
        return Api.as(Api.enterprise(supplier)).body(vehicle()).post(SHIPMENTS + "/" + shipment + "/vehicle-assignment")
                .then().statusCode(201).extract().jsonPath();
    }

    public static void pickUp(UUID supplier, UUID shipment) {
        Api.as(Api.enterprise(supplier)).put(SHIPMENTS + "/" + shipment + "/pick-up").then().statusCode(200);
    }

    /** The pass's signed code, as the driver's QR carries it. */
    public static String codeOf(UUID supplier, String passId) {
        return Api.as(Api.enterprise(supplier)).get("/api/v1/green-passes/" + passId).then().statusCode(200).extract()
                .path("code");
    }

    public static String checkpoint(String county) {
        return Api.as(TestJwt.authority("42")).body(Map.of("name", "收费站 " + county, "county_code", county,
                "kind", "EXPRESSWAY_TOLL_STATION")).post("/api/v1/checkpoints").then().statusCode(201).extract().path("id");
    }

    /** Scans the code at the checkpoint; returns the result. */
    public static String scan(String checkpoint, String code) {
        return Api.as(officer()).body(Map.of("checkpoint_id", checkpoint, "code", code, "plate_read", PLATE,
                "waiting_minutes", 5)).post("/api/v1/checkpoint-scans").then().statusCode(201).extract().path("result");
    }

    public static JsonPath get(String token, UUID shipment) {
        return Api.as(token).get(SHIPMENTS + "/" + shipment).then().statusCode(200).extract().jsonPath();
    }
}
