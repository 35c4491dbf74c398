package org.fugong.supply.support;

import static io.restassured.RestAssured.given;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.fugong.testing.TestJwt;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

public final class Api {

    private Api() {
    }

    public static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    public static String supplier(UUID id) {
        return TestJwt.organisation("ENTERPRISE", id);
    }

    public static String hospital(UUID id) {
        return TestJwt.organisation("HEALTH_INSTITUTION", id);
    }

    /** A catalogue item of its own, so one test's offers and requests never meet another's. */
    public static String newItem(String requiredStandard) {
        return newItem(requiredStandard, "PROTECTIVE_GEAR");
    }

    /** A catalogue item of its own in the given category. */
    public static String newItem(String requiredStandard, String category) {
        String code = "T_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20).toUpperCase();
        Map<String, Object> item = new HashMap<>();
        item.put("code", code);
        item.put("name", "Test item " + code);
        item.put("category", category);
        item.put("unit", "piece");
        if (requiredStandard != null) {
            item.put("required_standard", requiredStandard);
        }
        as(TestJwt.admin()).body(item).post("/api/v1/supply-items").then().statusCode(201);
        return code;
    }

    public static Map<String, Object> certifiedOffer(String item, long quantity, String origin) {
        Map<String, Object> offer = new HashMap<>();
        offer.put("item_code", item);
        offer.put("quantity", quantity);
        offer.put("origin_region", origin);
        offer.put("certificate", Map.of("standard", "GB 19083-2010", "number", "鄂械注准20202140001",
                "valid_until", "2099-12-31"));
        return offer;
    }

    public static Map<String, Object> request(String item, long quantity, String urgency) {
        Map<String, Object> request = new HashMap<>();
        request.put("item_code", item);
        request.put("quantity", quantity);
        request.put("urgency", urgency);
        request.put("days_of_supply_left", 2);
        return request;
    }
}
