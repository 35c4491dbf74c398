package org.fugong.gateway.edge;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.util.Map;

import org.fugong.gateway.support.ApiKeysForTests;
import org.fugong.gateway.support.GatewayTestResources;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The per-address limits in front of authentication, with tight budgets that barely refill. The
 * test client is 127.0.0.1, made a trusted proxy here, so each test speaks for addresses of its
 * own through X-Forwarded-For.
 */
@QuarkusTest
@GatewayTestResources
@TestProfile(AddressLimitTest.TightLimits.class)
class AddressLimitTest {

    public static class TightLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("fugong.gateway.trusted-proxies", "127.0.0.1,::1",
                    "fugong.gateway.rate-limit.per-address.rate", "0.001",
                    "fugong.gateway.rate-limit.per-address.burst", "30",
                    "fugong.gateway.rate-limit.per-address.failure-rate", "0.001",
                    "fugong.gateway.rate-limit.per-address.failure-burst", "3");
        }
    }

    @Test
    void failedAuthenticationsUseUpTheAddressBudgetEvenForAGoodKeyAndForAdminAndHealth() {
        String key = ApiKeysForTests.issue("READER", null, null);
        String from = "198.51.100.7";
        for (int i = 0; i < 3; i++) {
            given().header("X-Forwarded-For", from).header("X-Api-Key", "fg_guess_" + i).get("/api/v1/regions").then()
                    .statusCode(401);
        }
        given().header("X-Forwarded-For", from).header("X-Api-Key", key).get("/api/v1/regions").then().statusCode(429)
                .contentType("application/problem+json").header("Retry-After", notNullValue())
                .body("status", equalTo(429));
        given().header("X-Forwarded-For", from).header("X-Api-Key", "fg_guess_again").get("/admin/api-keys").then()
                .statusCode(429);
        given().header("X-Forwarded-For", from).get("/health").then().statusCode(429);
        given().header("X-Forwarded-For", from).get("/openapi").then().statusCode(429);
        // Another address is not affected.
        given().header("X-Forwarded-For", "198.51.100.8").header("X-Api-Key", key).get("/api/v1/regions").then()
                .statusCode(200);
    }

    @Test
    void anIpv6ClientIsCountedByItsSlash64() {
        for (int i = 1; i <= 3; i++) {
            given().header("X-Forwarded-For", "2001:db8:1:2::" + i).header("X-Api-Key", "fg_guess")
                    .get("/api/v1/regions").then().statusCode(401);
        }
        given().header("X-Forwarded-For", "2001:db8:1:2:ffff:ffff:ffff:ffff").get("/api/v1/regions").then().statusCode(429);
        given().header("X-Forwarded-For", "2001:db8:1:3::1").get("/api/v1/regions").then().statusCode(200);
    }

    @Test
    void everyRequestCountsAgainstTheAddressBeforeAuthentication() {
        String from = "203.0.113.9";
        for (int i = 0; i < 30; i++) {
            given().header("X-Forwarded-For", from).get("/health").then().statusCode(200);
        }
        given().header("X-Forwarded-For", from).get("/health").then().statusCode(429).contentType("application/problem+json");
    }

    @Test
    void onlyTheRightMostUntrustedHopCounts() {
        // A client cannot pick its own address by writing X-Forwarded-For: the proxy appends the real one.
        for (int i = 0; i < 3; i++) {
            given().header("X-Forwarded-For", "192.0.2." + i + ", 198.51.100.44").header("X-Api-Key", "fg_guess")
                    .get("/api/v1/regions").then().statusCode(401);
        }
        given().header("X-Forwarded-For", "192.0.2.200, 198.51.100.44").get("/api/v1/regions").then().statusCode(429);
    }
}
