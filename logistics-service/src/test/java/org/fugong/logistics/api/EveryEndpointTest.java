package org.fugong.logistics.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.fugong.testing.ProblemAssertions.problem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.fugong.logistics.support.Api;
import org.fugong.logistics.support.LogisticsTest;
import org.fugong.logistics.support.RegistryFeed;
import org.fugong.logistics.support.Shipments;
import org.fugong.testing.TestJwt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** The same bad requests against every logistics endpoint, and the API document that describes them. */
@QuarkusTest
@LogisticsTest
class EveryEndpointTest {

    static final String ANY = UUID.randomUUID().toString();

    /** Endpoints that read a body, with a role allowed to call them. */
    static Stream<Arguments> writes() {
        return Stream.of(
                Arguments.of("POST", "/api/v1/green-passes", "ENTERPRISE"),
                Arguments.of("PUT", "/api/v1/green-passes/" + ANY + "/decision", "AUTHORITY"),
                Arguments.of("PUT", "/api/v1/green-passes/" + ANY + "/revocation", "AUTHORITY"),
                Arguments.of("POST", "/api/v1/checkpoints", "AUTHORITY"),
                Arguments.of("POST", "/api/v1/checkpoint-scans", "CHECKPOINT"),
                Arguments.of("POST", "/api/v1/worker-transport-requests", "ENTERPRISE"),
                Arguments.of("POST", "/api/v1/charter-trips", "AUTHORITY"),
                Arguments.of("POST", "/api/v1/charter-trips/" + ANY + "/assignments", "AUTHORITY"),
                Arguments.of("PUT", "/api/v1/charter-trips/" + ANY + "/cancellation", "AUTHORITY"),
                Arguments.of("POST", "/api/v1/shipments/" + ANY + "/vehicle-assignment", "ENTERPRISE"),
                Arguments.of("PUT", "/api/v1/shipments/" + ANY + "/delivery", "HEALTH_INSTITUTION"));
    }

    /** Every endpoint but the public ones (the key set, the revocation list). */
    static Stream<Arguments> all() {
        return Stream.concat(writes(), Stream.of(
                Arguments.of("GET", "/api/v1/green-passes", "ENTERPRISE"),
                Arguments.of("GET", "/api/v1/green-passes/" + ANY, "ENTERPRISE"),
                Arguments.of("GET", "/api/v1/green-passes/" + ANY + "/qr.png", "ENTERPRISE"),
                Arguments.of("GET", "/api/v1/checkpoints", "AUTHORITY"),
                Arguments.of("GET", "/api/v1/checkpoints/" + ANY, "AUTHORITY"),
                Arguments.of("GET", "/api/v1/checkpoints/" + ANY + "/stats", "CHECKPOINT"),
                Arguments.of("GET", "/api/v1/checkpoint-scans/" + ANY, "CHECKPOINT"),
                Arguments.of("GET", "/api/v1/worker-transport-requests", "ENTERPRISE"),
                Arguments.of("GET", "/api/v1/worker-transport-requests/" + ANY, "ENTERPRISE"),
                Arguments.of("GET", "/api/v1/charter-trips", "AUTHORITY"),
                Arguments.of("GET", "/api/v1/charter-trips/" + ANY, "AUTHORITY"),
                Arguments.of("PUT", "/api/v1/charter-trips/" + ANY + "/dispatch", "AUTHORITY"),
                Arguments.of("PUT", "/api/v1/charter-trips/" + ANY + "/arrival", "AUTHORITY"),
                Arguments.of("PUT", "/api/v1/shipments/" + ANY + "/pick-up", "ENTERPRISE"),
                Arguments.of("GET", "/api/v1/shipments", "HEALTH_INSTITUTION"),
                Arguments.of("GET", "/api/v1/shipments/" + ANY, "AUTHORITY")));
    }

    static String token(String role) {
        return switch (role) {
            case "AUTHORITY" -> TestJwt.authority("33");
            case "ENTERPRISE", "HEALTH_INSTITUTION" -> TestJwt.organisation(role, UUID.randomUUID());
            default -> TestJwt.as(role).token();
        };
    }

    /** A caller with a valid body for the endpoint, asking for what it answers (the QR image is a PNG). */
    static io.restassured.specification.RequestSpecification as(String token, String path) {
        return Api.as(token).accept(path.endsWith(".png") ? "image/png" : "application/json").body(validBody(path));
    }

    static Map<String, Object> validBody(String path) {
        if (path.endsWith("/decision")) {
            return Map.of("outcome", "APPROVED", "reason", "checked");
        }
        if (path.startsWith("/api/v1/checkpoint-scans")) {
            return Map.of("checkpoint_id", ANY, "code", "a.b.c", "plate_read", "浙A12345");
        }
        if (path.startsWith("/api/v1/worker-transport-requests")) {
            return org.fugong.logistics.support.Workers.request("411502", 2);
        }
        if (path.endsWith("/assignments")) {
            return Map.of("request_id", ANY);
        }
        if (path.endsWith("/cancellation")) {
            return Map.of("reason", "not needed");
        }
        if (path.startsWith("/api/v1/charter-trips")) {
            return path.endsWith("/dispatch") || path.endsWith("/arrival") ? Map.of()
                    : org.fugong.logistics.support.Workers.trip("411502", "330106", 45);
        }
        if (path.endsWith("/vehicle-assignment")) {
            return Shipments.vehicle();
        }
        if (path.endsWith("/delivery")) {
            return Map.of("received_quantity", 10, "receiver_name", "李娜");
        }
        if (path.startsWith("/api/v1/checkpoints")) {
            return Map.of("name", "Toll station", "county_code", "421181", "kind", "EXPRESSWAY_TOLL_STATION");
        }
        return path.endsWith("/revocation") ? Map.of("reason", "off route") : Api.pass();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("all")
    void withoutATokenIs401(String method, String path, String role) {
        problem(given().contentType(ContentType.JSON).body(validBody(path)).request(method, path).then(), 401);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("all")
    void anExpiredTokenIs401(String method, String path, String role) {
        problem(as(TestJwt.as(role).expiresIn(Duration.ofMinutes(-5)).token(), path).request(method, path).then(), 401);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("all")
    void aTokenForAnotherServiceIs401(String method, String path, String role) {
        problem(as(TestJwt.as(role).audience("supply").token(), path).request(method, path).then(), 401);
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
                .body("errors.field", hasItem("surprise"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("writes")
    void aNonJsonBodyIs415(String method, String path, String role) {
        problem(given().auth().oauth2(token(role)).contentType(ContentType.XML).body("<x/>").request(method, path)
                .then(), 415);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("all")
    void readersAndCheckpointsAreRefusedWithAValidBody(String method, String path, String role) {
        problem(as(TestJwt.reader(), path).request(method, path).then(), 403);
        // Health institutions receive shipments; nothing else of logistics is theirs.
        if (!path.startsWith("/api/v1/shipments") || path.endsWith("/vehicle-assignment") || path.endsWith("/pick-up")) {
            problem(as(TestJwt.as("HEALTH_INSTITUTION").orgId(UUID.randomUUID()).token(), path).request(method, path)
                    .then(), 403);
        }
        if (!path.startsWith("/api/v1/checkpoint")) {
            problem(as(TestJwt.as("CHECKPOINT").regionScope("42").token(), path).request(method, path).then(), 403);
        }
    }

    @Test
    void unknownShipmentsAre404ToEveryRoleThatMayAct() {
        String unknown = "/api/v1/shipments/" + UUID.randomUUID();
        problem(Api.as(TestJwt.admin()).get(unknown).then(), 404);
        problem(Api.as(TestJwt.admin()).get("/api/v1/shipments/not-a-uuid").then(), 404);
        problem(as(TestJwt.organisation("ENTERPRISE", UUID.randomUUID()), unknown + "/vehicle-assignment")
                .post(unknown + "/vehicle-assignment").then(), 404);
        problem(Api.as(TestJwt.organisation("ENTERPRISE", UUID.randomUUID())).put(unknown + "/pick-up").then(), 404);
        problem(as(TestJwt.authority("42"), unknown + "/delivery").put(unknown + "/delivery").then(), 404);
    }

    @Test
    void anOversizedBodyIs413() {
        UUID enterprise = RegistryFeed.essentialEnterprise("330106");
        Map<String, Object> huge = Api.pass();
        huge.put("cargo_description", "x".repeat(300 * 1024));
        assertThat(Api.as(Api.enterprise(enterprise)).body(huge).post("/api/v1/green-passes").then().extract()
                .statusCode()).isEqualTo(413);
    }

    @Test
    void unknownIdsAre404AndMalformedOnes404() {
        problem(Api.as(TestJwt.admin()).get("/api/v1/green-passes/" + ANY).then(), 404);
        problem(Api.as(TestJwt.admin()).get("/api/v1/green-passes/not-a-uuid").then(), 404);
        problem(Api.as(TestJwt.admin()).body(validBody("/decision")).put("/api/v1/green-passes/" + ANY + "/decision")
                .then(), 404);
        problem(Api.as(TestJwt.admin()).get("/api/v1/worker-transport-requests/" + ANY).then(), 404);
        problem(Api.as(TestJwt.admin()).get("/api/v1/charter-trips/not-a-uuid").then(), 404);
        problem(Api.as(TestJwt.admin()).put("/api/v1/charter-trips/" + ANY + "/dispatch").then(), 404);
    }

    @Test
    void theKeySetIsPublicAndHoldsNoPrivatePart() {
        given().get("/api/v1/green-passes/keys").then().statusCode(200).contentType("application/json")
                .body("keys[0].kid", org.hamcrest.Matchers.notNullValue()).body("keys[0].d", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void theOpenApiDocumentDescribesEveryOperation() {
        JsonPath doc = given().accept("application/json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        assertThat(doc.getString("openapi")).startsWith("3.");
        Map<String, Map<String, Map<String, Object>>> paths = doc.getMap("paths");
        assertThat(paths).containsKeys("/api/v1/green-passes", "/api/v1/green-passes/{id}",
                "/api/v1/green-passes/{id}/decision", "/api/v1/green-passes/{id}/qr.png", "/api/v1/green-passes/keys",
                "/api/v1/green-passes/{id}/revocation", "/api/v1/green-passes/revocations", "/api/v1/checkpoints",
                "/api/v1/checkpoints/{id}", "/api/v1/checkpoints/{id}/stats", "/api/v1/checkpoint-scans",
                "/api/v1/checkpoint-scans/{id}",
                "/api/v1/worker-transport-requests", "/api/v1/worker-transport-requests/{id}", "/api/v1/charter-trips",
                "/api/v1/charter-trips/{id}", "/api/v1/charter-trips/{id}/assignments",
                "/api/v1/charter-trips/{id}/dispatch", "/api/v1/charter-trips/{id}/arrival",
                "/api/v1/charter-trips/{id}/cancellation",
                "/api/v1/shipments", "/api/v1/shipments/{id}", "/api/v1/shipments/{id}/vehicle-assignment",
                "/api/v1/shipments/{id}/pick-up", "/api/v1/shipments/{id}/delivery");
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> assertThat(operation)
                .as(method + " " + path).containsKeys("summary", "tags", "responses")));
    }
}
