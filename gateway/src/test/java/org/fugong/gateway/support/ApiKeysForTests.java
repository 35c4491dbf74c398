package org.fugong.gateway.support;

import static io.restassured.RestAssured.given;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import io.restassured.http.ContentType;

/** API keys for tests, issued through the gateway's own key API with the bootstrap administrator key. */
public final class ApiKeysForTests {

    /** The bootstrap administrator key the test gateway is started with (see {@link StandInServers}). */
    public static final String ADMIN_KEY = "fg_test_admin_key_0123456789abcdefghij";

    private ApiKeysForTests() {
    }

    /** Issues a key for {@code role}, with the organisation and region scope that role needs (null where it needs none). */
    public static String issue(String role, UUID org, String scope) {
        Map<String, Object> body = new HashMap<>(Map.of("name", "test " + role, "role", role));
        if (org != null) {
            body.put("org_id", org.toString());
        }
        if (scope != null) {
            body.put("region_scope", scope);
        }
        return given().header("X-Api-Key", ADMIN_KEY).contentType(ContentType.JSON).body(body)
                .post("/admin/api-keys").then().statusCode(201).extract().path("api_key");
    }
}
