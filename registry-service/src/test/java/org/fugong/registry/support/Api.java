package org.fugong.registry.support;

import static io.restassured.RestAssured.given;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.fugong.platform.standards.Uscc;
import org.fugong.testing.TestJwt;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Requests as a given caller, and builders of valid bodies to vary in tests. */
public final class Api {

    private Api() {
    }

    public static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    public static String admin() {
        return TestJwt.admin();
    }

    public static String authority(String scope) {
        return TestJwt.authority(scope);
    }

    public static String enterprise(UUID id) {
        return TestJwt.organisation("ENTERPRISE", id);
    }

    public static String reader() {
        return TestJwt.reader();
    }

    /** A fresh valid USCC, so tests never collide on the unique code. */
    public static String newUscc() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        StringBuilder first17 = new StringBuilder("91420102");
        while (first17.length() < 17) {
            first17.append(Uscc.ALPHABET.charAt(random.nextInt(Uscc.ALPHABET.length())));
        }
        return Uscc.withCheckCharacter(first17.toString());
    }

    /** A valid registration body in Wuhan's Jiang'an district; change entries to vary it. */
    public static Map<String, Object> enterpriseBody() {
        Map<String, Object> body = new HashMap<>();
        body.put("kind", "ENTERPRISE");
        body.put("name", "武汉测试医疗用品有限公司");
        body.put("uscc", newUscc());
        body.put("region_code", "420102");
        body.put("industry", "MEDICAL_SUPPLIES");
        body.put("ownership", "PRIVATE");
        body.put("employees", 250);
        body.put("annual_revenue", "48000000.00");
        body.put("contact", Map.of("name", "王小明", "phone", "13812345678"));
        return body;
    }

    /** Registers an organisation as an administrator and returns its id. */
    public static UUID register(Map<String, Object> body) {
        String id = as(admin()).body(body).post("/api/v1/enterprises").then().statusCode(201).extract().path("id");
        return UUID.fromString(id);
    }

    public static UUID register() {
        return register(enterpriseBody());
    }

    public static Map<String, Object> measures(boolean all) {
        Map<String, Object> m = new HashMap<>();
        m.put("ventilation", true);
        m.put("disinfection", true);
        m.put("temperature_checks", true);
        m.put("sanitary_facilities", true);
        m.put("health_monitoring", true);
        m.put("emergency_plan", all);
        return m;
    }
}
