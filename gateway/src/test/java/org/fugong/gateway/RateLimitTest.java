package org.fugong.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.fugong.gateway.support.ApiKeysForTests;
import org.fugong.gateway.support.GatewayTestResources;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Token buckets in this replica's memory (no Redis configured in this profile). */
@QuarkusTest
@GatewayTestResources
class RateLimitTest {

    static String tinyKey() {
        return given().header("X-Api-Key", ApiKeysForTests.ADMIN_KEY).contentType(ContentType.JSON)
                .body(Map.of("name", "tiny client", "role", "READER", "tier", "tiny")).post("/admin/api-keys").then()
                .statusCode(201).extract().path("api_key");
    }

    /** The tiny tier allows 3 at once, refilling 1 per second: the 4th request in a burst is refused. */
    static void burstOfFourEndsIn429(String key, int alreadyTaken) {
        for (int i = alreadyTaken; i < 3; i++) {
            Response ok = given().header("X-Api-Key", key).get("/api/v1/stats/resumption");
            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(ok.header("RateLimit-Limit")).isEqualTo("3");
            assertThat(Integer.parseInt(ok.header("RateLimit-Remaining"))).isLessThanOrEqualTo(2 - i);
        }
        Response refused = given().header("X-Api-Key", key).get("/api/v1/stats/resumption");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.jsonPath().getString("type")).isEqualTo("urn:fugong:problem:rate-limited");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 2L);
        assertThat(refused.header("RateLimit-Remaining")).isEqualTo("0");
        assertThat(Long.parseLong(refused.header("RateLimit-Reset"))).isBetween(1L, 3L);
    }

    @Test
    void aClientOverItsTiersBurstGets429WithRetryAfterAndRateLimitHeaders() {
        burstOfFourEndsIn429(tinyKey(), 0);
    }

    @Test
    void bucketsArePerClientAndRefill() {
        String first = tinyKey();
        burstOfFourEndsIn429(first, 0);
        // Another client of the same tier has its own bucket.
        given().header("X-Api-Key", tinyKey()).get("/api/v1/stats/resumption").then().statusCode(200);
        // One token per second comes back.
        long deadline = System.currentTimeMillis() + 5_000;
        int status = 429;
        while (status == 429 && System.currentTimeMillis() < deadline) {
            status = given().header("X-Api-Key", first).get("/api/v1/stats/resumption").statusCode();
        }
        assertThat(status).isEqualTo(200);
    }

    @Test
    void rejectionsAreCountedPerRouteAndTier() {
        burstOfFourEndsIn429(tinyKey(), 0);
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).containsPattern("fugong_gateway_rate_limited_total\\{[^}]*route=\"stats\"[^}]*tier=\"tiny\"[^}]*\\} [1-9]");
        assertThat(metrics).containsPattern(
                "fugong_gateway_requests_seconds_count\\{[^}]*method=\"GET\"[^}]*route=\"stats\"[^}]*status=\"4xx\"[^}]*\\} [1-9]");
        assertThat(metrics).contains("fugong_gateway_requests_seconds_bucket");
    }
}
