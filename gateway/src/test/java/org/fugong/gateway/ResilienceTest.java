package org.fugong.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;

import org.fugong.gateway.support.ApiKeysForTests;
import org.fugong.gateway.support.GatewayTestResources;
import org.fugong.gateway.support.StandInServers;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Timeouts and circuit breakers against real upstream servers that are slow or stopped. */
@QuarkusTest
@GatewayTestResources
class ResilienceTest {

    @Test
    void aServiceSlowerThanItsTimeoutIs504NamingIt() {
        String key = ApiKeysForTests.issue("ADMIN", null, null);
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
        String key = ApiKeysForTests.issue("ADMIN", null, null);
        given().header("X-Api-Key", key).get("/api/v1/shipments").then().statusCode(200);
        StandInServers.stopLogistics();
        try {
            for (int i = 0; i < 3; i++) { // the configured threshold
                given().header("X-Api-Key", key).get("/api/v1/shipments").then().statusCode(503)
                        .contentType("application/problem+json").body("service", equalTo("logistics"))
                        .body("detail", containsString("cannot be reached"));
            }
            given().get("/health").then().body("circuits.logistics", equalTo("OPEN"));
        } finally {
            StandInServers.startLogistics();
        }
        // The service is back, but the open circuit still answers for it, without calling it.
        int callsBefore = StandInServers.LOGISTICS_CALLS.get();
        Response refused = given().header("X-Api-Key", key).get("/api/v1/shipments");
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.header("Retry-After")).isNotNull();
        assertThat(refused.jsonPath().getString("detail")).contains("stops calling it");
        assertThat(StandInServers.LOGISTICS_CALLS.get()).isEqualTo(callsBefore);
        // Other services are unaffected.
        given().header("X-Api-Key", key).get("/api/v1/regions").then().statusCode(200);
        // After the open period one trial call goes through, succeeds, and closes the circuit.
        long deadline = System.currentTimeMillis() + 10_000;
        int status = 0;
        while (System.currentTimeMillis() < deadline && status != 200) {
            status = given().header("X-Api-Key", key).get("/api/v1/shipments").statusCode();
        }
        assertThat(status).isEqualTo(200);
        assertThat(StandInServers.LOGISTICS_CALLS.get()).isGreaterThan(callsBefore);
        given().get("/health").then().body("circuits.logistics", equalTo("CLOSED"));
    }

    @Test
    void callersWhoHangUpDoNotOpenTheCircuit() throws Exception {
        String key = ApiKeysForTests.issue("ADMIN", null, null);
        java.net.http.HttpClient impatient = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1).build();
        java.net.URI slow = java.net.URI.create(io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port
                + "/api/v1/supply-gaps?delay_ms=700");
        for (int i = 0; i < 7; i++) { // more than supply's threshold of 5
            java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(slow).header("X-Api-Key", key)
                    .timeout(Duration.ofMillis(100)).build();
            assertThatThrownBy(() -> impatient.send(request, java.net.http.HttpResponse.BodyHandlers.discarding()))
                    .isInstanceOf(java.net.http.HttpTimeoutException.class);
        }
        // The service was fine; the callers left. Its circuit stays closed (also once the abandoned
        // calls have come back from the service, 700 ms later) and it keeps answering.
        long deadline = System.currentTimeMillis() + 1_500;
        while (System.currentTimeMillis() < deadline) {
            given().get("/health").then().body("circuits.supply", equalTo("CLOSED"));
        }
        given().header("X-Api-Key", key).get("/api/v1/supply-gaps").then().statusCode(200);
    }
}
