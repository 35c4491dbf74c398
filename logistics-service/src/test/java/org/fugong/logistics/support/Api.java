package org.fugong.logistics.support;

import static io.restassured.RestAssured.given;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.fugong.testing.TestJwt;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

public final class Api {

    /** The GB 11643-1999 standard's own example, valid with check character X. */
    public static final String DRIVER_ID = "11010519491231002X";
    public static final String DRIVER_PHONE = "13812345678";

    private Api() {
    }

    public static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    public static String enterprise(UUID id) {
        return TestJwt.organisation("ENTERPRISE", id);
    }

    public static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai"));
    }

    /** A valid application: medical supplies from Hangzhou's Xihu district through Hubei to Wuhan's Jiang'an. */
    public static Map<String, Object> pass() {
        return pass("330106", "420102", "MEDICAL_SUPPLIES");
    }

    public static Map<String, Object> pass(String origin, String destination, String cargo) {
        Map<String, Object> pass = new HashMap<>();
        pass.put("plate", "浙A12345");
        pass.put("vehicle_type", "TRUCK");
        pass.put("driver", new HashMap<>(Map.of("name", "张伟", "phone", DRIVER_PHONE, "id_number", DRIVER_ID)));
        pass.put("cargo_category", cargo);
        pass.put("cargo_description", "Medical protective masks, 40 cartons");
        pass.put("route", List.of(origin, "420000", destination));
        pass.put("valid_from", today().toString());
        pass.put("valid_until", today().plusDays(13).toString());
        return pass;
    }
}
