package org.fugong.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import org.fugong.gateway.support.ApiKeysForTests;
import org.fugong.gateway.support.GatewayTestResources;
import org.fugong.gateway.support.RawHttp;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;

/** Sizes the codec used to answer with an empty body, and bodies nobody declared the size of. */
@QuarkusTest
@GatewayTestResources
class RequestLimitsTest {

    @Test
    void aChunkedBodyUnderTheLimitStreamsThrough() {
        String key = ApiKeysForTests.issue("ADMIN", null, null);
        RawHttp.Response response = RawHttp.postChunked(RestAssured.port, "/api/v1/enterprises", key, 100, 8 * 1024);
        assertThat(response.status()).isEqualTo(200);
        assertThat(new JsonPath(response.body()).getInt("body_length")).isEqualTo(100 * 8 * 1024);
    }

    @Test
    void aChunkedBodyOverOneMebibyteIs413() {
        String key = ApiKeysForTests.issue("ADMIN", null, null);
        RawHttp.Response response = RawHttp.postChunked(RestAssured.port, "/api/v1/enterprises", key, 200, 8 * 1024);
        assertThat(response.status()).isEqualTo(413);
        assertThat(response.header("content-type")).startsWith("application/problem+json");
        assertThat(new JsonPath(response.body()).getInt("status")).isEqualTo(413);
    }

    @Test
    void anOverLongRequestLineIs414WithAProblem() {
        RawHttp.Response response = RawHttp.send(RestAssured.port, "GET", "/api/v1/regions?q=" + "a".repeat(5000));
        assertThat(response.status()).isEqualTo(414);
        assertThat(response.header("content-type")).startsWith("application/problem+json");
        assertThat(new JsonPath(response.body()).getInt("status")).isEqualTo(414);
    }

    @Test
    void overLargeHeadersAre431WithAProblem() {
        RawHttp.Response response = RawHttp.send(RestAssured.port, "GET", "/health", "X-Filler: " + "b".repeat(30_000));
        assertThat(response.status()).isEqualTo(431);
        assertThat(response.header("content-type")).startsWith("application/problem+json");
        assertThat(new JsonPath(response.body()).getInt("status")).isEqualTo(431);
    }
}
