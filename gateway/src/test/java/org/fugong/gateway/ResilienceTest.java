package org.fugong.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Timeouts and circuit breakers against real upstream servers that are slow or stopped. */
@QuarkusTest
@GatewayTestSupport
class ResilienceTest {

    @Test
    void aServiceSlowerThanItsTimeoutIs504NamingIt() {
        String key = GatewayTest.issue("ADMIN", null, null);
        long started = System.nanoTime();
        given().header("X-Api-Key", key).get("/api/v1/supply-gaps?delay_ms=5000").then().statusCode(504)
                .contentType("application/problem+json").body("service", equalTo("supply"))
                .body("type", equalTo("urn:fugong:problem:upstream-timeout")).body("detail", containsString("1000 ms"));
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertThat(millis).as("answered at the 1 s timeout, not after the service's 5 s").isLessThan(4_000);
        // Within its timeout the same route answers normally.
        given().header("X-Api-Key", key).get("/api/v1/supply-gaps?delay_ms=100").then().statusCode(200)
                .body("service", equalTo("supply"));
    }

    @Test
    void aStoppedServiceOpensItsCircuitAndATrialCallClosesItAgain() {
        String key = GatewayTest.issue("ADMIN", null, null);
        given().header("X-Api-Key", key).get("/api/v1/shipments").then().statusCode(200);
        EchoUpstreams.stopLogistics();
        try {
            for (int i = 0; i < 3; i++) { // the configured threshold
                given().header("X-Api-Key", key).get("/api/v1/shipments").then().statusCode(503)
                        .contentType("application/problem+json").body("service", equalTo("logistics"))
                        .body("detail", containsString("cannot be reached"));
            }
            given().get("/health").then().body("circuits.logistics", equalTo("OPEN"));
        } finally {
            EchoUpstreams.startLogistics();
        }
        // The service is back, but the open circuit still answers for it, without calling it.
        int callsBefore = EchoUpstreams.LOGISTICS_CALLS.get();
        Response refused = given().header("X-Api-Key", key).get("/api/v1/shipments");
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.header("Retry-After")).isNotNull();
        assertThat(refused.jsonPath().getString("detail")).contains("stops calling it");
        assertThat(EchoUpstreams.LOGISTICS_CALLS.get()).isEqualTo(callsBefore);
        // Other services are unaffected.
        given().header("X-Api-Key", key).get("/api/v1/regions").then().statusCode(200);
        // After the open period one trial call goes through, succeeds, and closes the circuit.
        long deadline = System.currentTimeMillis() + 10_000;
        int status = 0;
        while (System.currentTimeMillis() < deadline && status != 200) {
            status = given().header("X-Api-Key", key).get("/api/v1/shipments").statusCode();
        }
        assertThat(status).isEqualTo(200);
        assertThat(EchoUpstreams.LOGISTICS_CALLS.get()).isGreaterThan(callsBefore);
        given().get("/health").then().body("circuits.logistics", equalTo("CLOSED"));
    }
}
