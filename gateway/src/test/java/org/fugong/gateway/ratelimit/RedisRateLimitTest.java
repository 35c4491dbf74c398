package org.fugong.gateway.ratelimit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Map;
import java.util.UUID;

import org.fugong.gateway.support.ApiKeysForTests;
import org.fugong.gateway.support.GatewayTestResources;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.vertx.core.Vertx;

/**
 * Counters in the real Redis on 127.0.0.1:6379, shared by replicas: a second limiter, standing in
 * for another gateway replica, draws from the same bucket as this gateway. Skipped, saying so,
 * only when Redis cannot be reached.
 */
@QuarkusTest
@GatewayTestResources
@TestProfile(RedisRateLimitTest.WithRedis.class)
class RedisRateLimitTest {

    static final String REDIS = "redis://127.0.0.1:6379";

    public static class WithRedis implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("fugong.gateway.rate-limit.redis-url", REDIS);
        }
    }

    @BeforeAll
    static void redisReachable() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", 6379), 1_000);
        } catch (java.io.IOException e) {
            org.junit.jupiter.api.Assumptions.abort("Redis is not reachable on 127.0.0.1:6379 (" + e.getMessage()
                    + "); skipping the shared-counter tests");
        }
    }

    @Test
    void twoReplicasDrawFromOneBucketInRedis() throws Exception {
        var issued = given().header("X-Api-Key", ApiKeysForTests.ADMIN_KEY).contentType(ContentType.JSON)
                .body(Map.of("name", "shared " + UUID.randomUUID(), "role", "READER", "tier", "tiny"))
                .post("/admin/api-keys").then().statusCode(201).extract();
        String key = issued.path("api_key");
        String bucket = "fugong:ratelimit:tiny:client:" + issued.path("id");

        // The other replica is ready before the first request: the tiny tier refills a token a
        // second, so the four steps below must follow each other quickly.
        Vertx vertx = Vertx.vertx();
        RedisBuckets otherReplica = new RedisBuckets(vertx, REDIS);
        try {
            given().header("X-Api-Key", key).get("/api/v1/stats/resumption").then().statusCode(200)
                    .header("RateLimit-Remaining", "2");
            TokenBucket.Decision taken = otherReplica.take(bucket, 1, 3).toCompletionStage().toCompletableFuture()
                    .get(5, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(taken.allowed()).isTrue();
            assertThat(taken.remaining()).as("the other replica sees this gateway's request").isLessThanOrEqualTo(1);
            // Two tokens are gone (one here, one there): one more request, then 429.
            given().header("X-Api-Key", key).get("/api/v1/stats/resumption").then().statusCode(200);
            given().header("X-Api-Key", key).get("/api/v1/stats/resumption").then().statusCode(429)
                    .header("Retry-After", org.hamcrest.Matchers.notNullValue());
        } finally {
            otherReplica.close();
            vertx.close();
        }
    }

    /** Here rather than with the in-memory tests: it drains the anonymous bucket of this address, which those share. */
    @Test
    void anonymousCallersShareABucketPerAddress() {
        int refusedAt = -1;
        io.restassured.response.Response refused = null;
        long started = System.nanoTime();
        for (int i = 0; i < 60 && refusedAt < 0; i++) { // anonymous: burst 20, then 5 per second
            io.restassured.response.Response response = given().get("/api/v1/supply-items");
            if (response.statusCode() == 429) {
                refusedAt = i;
                refused = response;
            }
        }
        // The bucket refills while the requests run, the more the slower the machine.
        int refilled = (int) Math.ceil(5 * (System.nanoTime() - started) / 1e9);
        assertThat(refusedAt).as("an anonymous burst is cut off near 20").isBetween(15, 21 + refilled);
        // The refusal itself is checked, not a further request: a token refills every 200 ms.
        refused.then().contentType("application/problem+json").body("status", org.hamcrest.Matchers.equalTo(429))
                .header("Retry-After", org.hamcrest.Matchers.notNullValue());
        // A key holder is not affected by anonymous traffic from the same address.
        given().header("X-Api-Key", ApiKeysForTests.issue("READER", null, null)).get("/api/v1/supply-items").then()
                .statusCode(200);
    }
}
