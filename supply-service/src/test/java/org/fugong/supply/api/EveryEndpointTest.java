package org.fugong.supply.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.fugong.supply.support.Api;
import org.fugong.supply.support.RegistryFeed;
import org.fugong.supply.support.SupplyTest;
import org.fugong.testing.ProblemAssertions;
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
        return ProblemAssertions.problem(response, status);
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
        // A valid body, so that the role check, not validation, is what answers.
        problem(Api.as(TestJwt.reader()).body(validBody(path)).request(method, path).then(), 403);
    }

    /** A body each write endpoint would accept from a caller allowed to use it. */
    static Map<String, Object> validBody(String path) {
        return switch (path) {
            case "/api/v1/supply-items" -> Map.of("code", "T_NEVER_ADDED", "name", "x", "category", "DRUG", "unit", "box");
            case "/api/v1/supply-offers" -> Api.certifiedOffer("MASK_MEDICAL_PROTECTIVE", 10, "420111");
            case "/api/v1/supply-requests" -> Map.of("item_code", "MASK_MEDICAL_PROTECTIVE", "quantity", 10,
                    "urgency", "HIGH", "delivery_region", "420102");
            case "/api/v1/matching-runs" -> Map.of("item_codes", List.of("RICE"));
            case "/api/v1/production-capacities" -> Map.of("item_code", "RICE", "daily_quantity", 10);
            default -> throw new IllegalArgumentException(path);
        };
    }

    /**
     * Someone else's offer, request and allocation, asked for by an organisation of the allowed role
     * and by an authority of another province: 404 for each, exactly, so ids cannot be probed. Those
     * endpoints read no body, so nothing but the scope check can answer.
     */
    @Test
    void othersObjectsAre404ToAnotherOrganisationAndAnotherRegion() {
        String item = Api.newItem(null);
        UUID supplier = RegistryFeed.organisation("ENTERPRISE", "420111", "ACTIVE", 0);
        UUID hospital = RegistryFeed.organisation("HEALTH_INSTITUTION", "420102", "ACTIVE", 0);
        String offer = Api.as(Api.supplier(supplier)).body(Api.certifiedOffer(item, 10, "420111"))
                .post("/api/v1/supply-offers").then().statusCode(201).extract().path("id");
        String request = Api.as(Api.hospital(hospital)).body(Api.request(item, 5, "HIGH"))
                .post("/api/v1/supply-requests").then().statusCode(201).extract().path("id");
        String allocation = Api.as(Api.hospital(hospital)).queryParam("request_id", request).get("/api/v1/allocations")
                .then().statusCode(200).extract().path("items[0].id");
        String otherSupplier = Api.supplier(UUID.randomUUID());
        String otherHospital = Api.hospital(UUID.randomUUID());
        String otherProvince = TestJwt.authority("33");
        Map<String, List<String>> callers = Map.of(
                "GET /api/v1/supply-offers/" + offer, List.of(otherSupplier, otherProvince),
                "PUT /api/v1/supply-offers/" + offer + "/withdrawal", List.of(otherSupplier),
                "GET /api/v1/supply-requests/" + request, List.of(otherHospital, otherProvince),
                "PUT /api/v1/supply-requests/" + request + "/cancellation", List.of(otherHospital, otherProvince),
                "GET /api/v1/allocations/" + allocation, List.of(otherSupplier, otherHospital, otherProvince),
                "PUT /api/v1/allocations/" + allocation + "/confirmation", List.of(otherSupplier),
                "PUT /api/v1/allocations/" + allocation + "/decline", List.of(otherSupplier));
        callers.forEach((call, tokens) -> tokens.forEach(token -> {
            String[] parts = call.split(" ");
            problem(Api.as(token).request(parts[0], parts[1]).then(), 404);
        }));
        // Nothing changed on the way.
        Api.as(Api.supplier(supplier)).get("/api/v1/supply-offers/" + offer).then().body("status", equalTo("OPEN"))
                .body("allocated", equalTo(5));
        Api.as(Api.hospital(hospital)).get("/api/v1/supply-requests/" + request).then().body("status", equalTo("ALLOCATED"));
        Api.as(Api.hospital(hospital)).get("/api/v1/allocations/" + allocation).then().body("status", equalTo("PROPOSED"));
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

    /** Issue 17's fuzzer: U+0000 reached PostgreSQL, whose text refuses it, as a 500. */
    @Test
    void aNulCharacterInABodyIsA400NamingTheFieldNotADatabaseError() {
        UUID hospital = RegistryFeed.organisation("HEALTH_INSTITUTION", "420102", "ACTIVE", 0);
        problem(Api.as(Api.hospital(hospital)).contentType(ContentType.JSON)
                .body("{\"item_code\": \"\\u0000\", \"quantity\": 5, \"urgency\": \"CRITICAL\"}")
                .post("/api/v1/supply-requests").then(), 400)
                .body("errors[0].field", equalTo("item_code"))
                .body("errors[0].message", startsWith("must not contain the NUL character"));
        problem(Api.as(TestJwt.admin()).urlEncodingEnabled(false).get("/api/v1/supply-gaps?item=%00%00").then(), 400)
                .body("errors[0].field", equalTo("item"));
    }

    /**
     * Issue 17's fuzzer: a body followed by more JSON was read as its first value and acted on (2xx).
     * Now a 400 on the body, and nothing made; the same body alone is accepted.
     */
    @Test
    void aBodyFollowedByMoreJsonIsA400AndMakesNothing() {
        UUID hospital = RegistryFeed.organisation("HEALTH_INSTITUTION", "420102", "ACTIVE", 0);
        String request = "{\"item_code\": \"MASK_MEDICAL_PROTECTIVE\", \"quantity\": 5, \"urgency\": \"HIGH\"}";
        for (String trailing : List.of("{\"quantity\": 500}", "[[[", " 1")) {
            problem(Api.as(Api.hospital(hospital)).contentType(ContentType.JSON).body(request + trailing)
                    .post("/api/v1/supply-requests").then(), 400)
                    .body("errors[0].field", equalTo("body"))
                    .body("errors[0].message", equalTo("is not one JSON value: something follows it"));
        }
        Api.as(Api.hospital(hospital)).get("/api/v1/supply-requests").then().statusCode(200).body("items", hasSize(0));
        Api.as(Api.hospital(hospital)).contentType(ContentType.JSON).body(request + " \n").post("/api/v1/supply-requests")
                .then().statusCode(201);
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
