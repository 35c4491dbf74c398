package org.fugong.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import org.fugong.gateway.support.ApiKeysForTests;
import org.fugong.gateway.support.GatewayTestResources;
import org.fugong.gateway.support.RawHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;

/** Raw request lines, as an attacker sends them: what is decided on is what is forwarded. */
@QuarkusTest
@GatewayTestResources
class PathNormalisationTest {

    private static RawHttp.Response raw(String target, String... headers) {
        return RawHttp.send(RestAssured.port, "GET", target, headers);
    }

    @ParameterizedTest
    @ValueSource(strings = { "/api/v1/supply-items/../supply-gaps", "/api/v1/supply-items/%2e%2e/supply-gaps",
            "/api/v1/supply-items/%2E%2E/supply-gaps", "/api/v1/supply-items/.%2e/supply-gaps",
            "/api/v1/stats/../../v1/supply-gaps", "/api/v1/supply-items/x/../../supply-gaps" })
    void aPublicPrefixClimbedOutOfIsNotPublic(String target) {
        RawHttp.Response response = raw(target);
        assertThat(response.status()).as(target).isEqualTo(401);
        assertThat(response.header("content-type")).startsWith("application/problem+json");
    }

    @Test
    void theCheckedPathIsTheOneForwarded() {
        String key = ApiKeysForTests.issue("AUTHORITY", null, "42");
        RawHttp.Response response = raw("/api/v1/supply-items/%2e%2e//supply-gaps/./?item=masks&x=%2e%2e",
                "X-Api-Key: " + key);
        assertThat(response.status()).isEqualTo(200);
        JsonPath echo = new JsonPath(response.body());
        assertThat(echo.getString("service")).isEqualTo("supply");
        assertThat(echo.getString("uri")).isEqualTo("/api/v1/supply-gaps/?item=masks&x=%2e%2e");
    }

    @Test
    void aPublicPathStaysPublicAfterNormalisationAndIsForwardedNormalised() {
        RawHttp.Response response = raw("/api/v1/regions/./%34%32");
        assertThat(response.status()).isEqualTo(200);
        assertThat(new JsonPath(response.body()).getString("uri")).isEqualTo("/api/v1/regions/42");
    }

    @ParameterizedTest
    @ValueSource(strings = { "/../api/v1/supply-items", "/api/v1/../../../api/v1/supply-items",
            "/api/v1/supply-items/%2F..%2Fsupply-gaps", "/api/v1/supply-items/%2f", "/api/v1/supply-items/%5c..",
            "/api/v1/supply-items/%00", "/api/v1/supply-items/..;/supply-gaps",
            "/admin/%2e%2e/%2e%2e/api/v1/../../../admin/api-keys" })
    void whatCannotBeNormalisedSafelyIs400(String target) {
        RawHttp.Response response = raw(target);
        assertThat(response.status()).as(target).isEqualTo(400);
        assertThat(response.header("content-type")).startsWith("application/problem+json");
        assertThat(new JsonPath(response.body()).getString("detail")).isNotBlank();
    }

    @Test
    void aMalformedEscapeIs400() {
        // Quarkus's HTTP layer refuses a target that is not a valid URI before any route runs, with
        // an empty body; the gateway cannot add a problem to it (docs/gateway.md says so).
        assertThat(raw("/api/v1/supply-items/%zz").status()).isEqualTo(400);
    }

    @Test
    void aBackslashIs400() {
        RawHttp.Response response = raw("/api/v1/supply-items\\..\\supply-gaps");
        assertThat(response.status()).isEqualTo(400);
    }
}
