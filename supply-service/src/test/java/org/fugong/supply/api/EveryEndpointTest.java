package org.fugong.supply.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.fugong.supply.support.Api;
import org.fugong.supply.support.SupplyTest;
import org.fugong.testing.TestJwt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

/** The same bad requests against every supply endpoint, and the API document that describes them. */
@QuarkusTest
@SupplyTest
class EveryEndpointTest {

    static final String ANY = UUID.randomUUID().toString();

    static ValidatableResponse problem(ValidatableResponse response, int status) {
        return response.statusCode(status).contentType("application/problem+json").body("status", equalTo(status))
                .body("type", startsWith("urn:fugong:problem:"));
    }

    /** Endpoints that read a body, with a role allowed to call them. */
    static Stream<Arguments> writes() {
        return Stream.of(
                Arguments.of("POST", "/api/v1/supply-items", "ADMIN"),
                Arguments.of("POST", "/api/v1/supply-offers", "ENTERPRISE"),
                Arguments.of("POST", "/api/v1/supply-requests", "HEALTH_INSTITUTION"),
                Arguments.of("POST", "/api/v1/matching-runs", "AUTHORITY"),
                Arguments.of("PUT", "/api/v1/production-capacities", "ENTERPRISE"));
    }

    static Stream<Arguments> all() {
        return Stream.concat(writes(), Stream.of(
                Arguments.of("GET", "/api/v1/supply-items", "READER"),
                Arguments.of("GET", "/api/v1/supply-items/RICE", "READER"),
                Arguments.of("GET", "/api/v1/supply-offers", "ENTERPRISE"),
                Arguments.of("GET", "/api/v1/supply-offers/" + ANY, "ENTERPRISE"),
                Arguments.of("PUT", "/api/v1/supply-offers/" + ANY + "/withdrawal", "ENTERPRISE"),
                Arguments.of("GET", "/api/v1/supply-requests", "HEALTH_INSTITUTION"),
                Arguments.of("GET", "/api/v1/supply-requests/" + ANY, "HEALTH_INSTITUTION"),
                Arguments.of("PUT", "/api/v1/supply-requests/" + ANY + "/cancellation", "HEALTH_INSTITUTION"),
                Arguments.of("GET", "/api/v1/allocations", "ENTERPRISE"),
                Arguments.of("GET", "/api/v1/allocations/" + ANY, "ENTERPRISE"),
                Arguments.of("PUT", "/api/v1/allocations/" + ANY + "/confirmation", "ENTERPRISE"),
                Arguments.of("PUT", "/api/v1/allocations/" + ANY + "/decline", "ENTERPRISE"),
                Arguments.of("GET", "/api/v1/supply-gaps", "READER")));
    }

    static String token(String role) {
        return switch (role) {
            case "AUTHORITY" -> TestJwt.authority("42");
            case "ENTERPRISE", "HEALTH_INSTITUTION" -> TestJwt.organisation(role, UUID.randomUUID());
            default -> TestJwt.as(role).token();
        };
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("all")
    void withoutATokenIs401(String method, String path, String role) {
        problem(given().contentType(ContentType.JSON).body("{}").request(method, path).then(), 401);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("all")
    void anExpiredTokenIs401(String method, String path, String role) {
        problem(Api.as(TestJwt.as(role).expiresIn(java.time.Duration.ofMinutes(-5)).token()).body("{}")
                .request(method, path).then(), 401);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("writes")
    void malformedJsonIs400NamingTheBody(String method, String path, String role) {
        problem(Api.as(token(role)).body("{\"oops\": ").request(method, path).then(), 400)
                .body("errors[0].field", equalTo("body"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("writes")
    void anUnknownPropertyIs400NamingIt(String method, String path, String role) {
        problem(Api.as(token(role)).body("{\"surprise\": 1}").request(method, path).then(), 400)
                .body("errors.field", org.hamcrest.Matchers.hasItem("surprise"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("writes")
    void aNonJsonBodyIs415(String method, String path, String role) {
        problem(given().auth().oauth2(token(role)).contentType(ContentType.XML).body("<x/>").request(method, path)
                .then(), 415);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("writes")
    void readersMayChangeNothing(String method, String path, String role) {
        problem(Api.as(TestJwt.reader()).body("{}").request(method, path).then(), 403);
    }

    @Test
    void unknownIdsAre404AndMalformedOnes404Or400() {
        problem(Api.as(TestJwt.admin()).get("/api/v1/supply-offers/" + ANY).then(), 404);
        problem(Api.as(TestJwt.admin()).get("/api/v1/allocations/not-a-uuid").then(), 404);
        problem(Api.as(TestJwt.admin()).queryParam("request_id", "nope").get("/api/v1/allocations").then(), 400)
                .body("errors[0].field", equalTo("request_id"));
        problem(Api.as(TestJwt.admin()).queryParam("limit", 0).get("/api/v1/supply-requests").then(), 400)
                .body("errors[0].field", equalTo("limit"));
        problem(Api.as(TestJwt.admin()).queryParam("cursor", "zz").get("/api/v1/supply-offers").then(), 400)
                .body("errors[0].field", equalTo("cursor"));
    }

    @Test
    void theOpenApiDocumentDescribesEveryOperation() {
        JsonPath doc = given().accept("application/json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        assertThat(doc.getString("openapi")).startsWith("3.");
        Map<String, Map<String, Map<String, Object>>> paths = doc.getMap("paths");
        assertThat(paths).containsKeys("/api/v1/supply-offers", "/api/v1/supply-requests", "/api/v1/allocations/{id}",
                "/api/v1/matching-runs", "/api/v1/supply-gaps", "/api/v1/production-capacities");
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> assertThat(operation)
                .as(method + " " + path).containsKeys("summary", "tags", "responses")));
    }
}
