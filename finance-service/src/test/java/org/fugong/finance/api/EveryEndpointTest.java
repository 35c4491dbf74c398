package org.fugong.finance.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.fugong.finance.support.Api;
import org.fugong.finance.support.Applications;
import org.fugong.finance.support.FinanceTest;
import org.fugong.finance.support.RegistryFeed;
import org.fugong.finance.support.RegistryFeed.Known;
import org.fugong.testing.EndpointRoles;
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

/** The same bad requests against every finance endpoint, and the API document that describes them. */
@QuarkusTest
@FinanceTest
class EveryEndpointTest {

    static final String ANY = UUID.randomUUID().toString();

    static ValidatableResponse problem(ValidatableResponse response, int status) {
        return ProblemAssertions.problem(response, status);
    }

    /** Endpoints that read a body, with a role allowed to call them. */
    static Stream<Arguments> writes() {
        return Stream.of(
                Arguments.of("POST", "/api/v1/receivables", "ENTERPRISE"),
                Arguments.of("PUT", "/api/v1/receivables/" + ANY + "/decision", "ENTERPRISE"),
                Arguments.of("POST", "/api/v1/financing-applications", "ENTERPRISE"),
                Arguments.of("PUT", "/api/v1/financing-applications/" + ANY + "/recommendation", "LENDER"),
                Arguments.of("PUT", "/api/v1/financing-applications/" + ANY + "/approval", "LENDER"),
                Arguments.of("PUT", "/api/v1/financing-applications/" + ANY + "/acceptance", "ENTERPRISE"),
                Arguments.of("PUT", "/api/v1/financing-applications/" + ANY + "/withdrawal", "ENTERPRISE"),
                Arguments.of("PUT", "/api/v1/financing-applications/" + ANY + "/disbursement", "LENDER"),
                Arguments.of("POST", "/api/v1/financing-applications/" + ANY + "/repayments", "LENDER"));
    }

    /** Every endpoint, with a role allowed to call it (the first of EndpointRolesTest's, alphabetically). */
    static Stream<Arguments> all() {
        return EndpointRolesTest.EXPECTED.entrySet().stream().map(e -> {
            String[] verbAndPath = e.getKey().split(" ", 2);
            return Arguments.of(verbAndPath[0], concrete(verbAndPath[1]), new java.util.TreeSet<>(e.getValue()).first());
        });
    }

    static String concrete(String template) {
        return template.replaceAll("\\{[A-Za-z]+\\}", ANY);
    }

    /** Every role an endpoint does not admit, read from EndpointRolesTest: each is a 403. */
    static Stream<Arguments> outsiders() {
        return EndpointRolesTest.EXPECTED.entrySet().stream().flatMap(e -> {
            String[] verbAndPath = e.getKey().split(" ", 2);
            return EndpointRoles.EVERYONE.stream().filter(role -> !e.getValue().contains(role)).sorted()
                    .map(role -> Arguments.of(verbAndPath[0], concrete(verbAndPath[1]), role));
        });
    }

    static String token(String role) {
        return switch (role) {
            case "AUTHORITY", "CHECKPOINT" -> TestJwt.as(role).regionScope("42").token();
            case "ENTERPRISE", "HEALTH_INSTITUTION", "LENDER" -> TestJwt.organisation(role, UUID.randomUUID());
            default -> TestJwt.as(role).token();
        };
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("all")
    void withoutATokenIs401(String method, String path, String role) {
        problem(given().contentType(ContentType.JSON).body("{}").request(method, path).then(), 401)
                .header("WWW-Authenticate", "Bearer");
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("all")
    void anExpiredTokenIs401(String method, String path, String role) {
        problem(Api.as(TestJwt.as(role).expiresIn(Duration.ofMinutes(-5)).token()).body("{}").request(method, path)
                .then(), 401);
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
    @MethodSource("writes")
    void aMissingBodyIs400(String method, String path, String role) {
        problem(Api.as(token(role)).request(method, path).then(), 400);
    }

    @ParameterizedTest(name = "{0} {1} as {2}")
    @MethodSource("outsiders")
    void rolesAnEndpointDoesNotAdmitAre403(String method, String path, String role) {
        // A valid body, so that the role check, not validation, is what answers.
        problem(Api.as(token(role)).body(validBody(path)).request(method, path).then(), 403);
    }

    /** A body each endpoint would accept (for bodiless ones, an empty object, which they never read). */
    static Map<String, Object> validBody(String path) {
        if (path.endsWith("/decision")) {
            return Map.of("decision", "CONFIRM");
        }
        if (path.endsWith("/recommendation")) {
            return Applications.offer("100.00", "3.15", 12, "EQUAL_INSTALMENTS");
        }
        if (path.endsWith("/approval")) {
            return Map.of("decision", "APPROVE");
        }
        if (path.endsWith("/acceptance")) {
            return Map.of("lender_org_id", ANY);
        }
        if (path.endsWith("/withdrawal")) {
            return Map.of("reason", "Financed elsewhere");
        }
        if (path.endsWith("/repayments")) {
            return Map.of("instalment_number", 1, "amount", "100.00");
        }
        if (path.endsWith("/financing-applications")) {
            return Applications.workingCapital("100.00", UUID.randomUUID());
        }
        if (path.endsWith("/receivables")) {
            return Api.receivable(RegistryFeed.newUscc("110101"), "100.00");
        }
        return Map.of();
    }

    @Test
    void unknownIdsAre404AndMalformedOnes404() {
        Known sme = RegistryFeed.sme();
        problem(Api.as(TestJwt.admin()).get("/api/v1/receivables/" + ANY).then(), 404);
        problem(Api.as(TestJwt.admin()).get("/api/v1/receivables/" + ANY + "/pledge").then(), 404);
        problem(Api.as(Api.enterprise(sme.id())).body(Map.of("decision", "CONFIRM"))
                .put("/api/v1/receivables/" + ANY + "/decision").then(), 404);
        problem(Api.as(TestJwt.admin()).get("/api/v1/receivables/not-a-uuid").then(), 404);
        String lender = TestJwt.organisation("LENDER", UUID.randomUUID());
        for (String path : List.of("", "/schedule", "/repayments", "/repayments/" + ANY)) {
            problem(Api.as(TestJwt.admin()).get("/api/v1/financing-applications/" + ANY + path).then(), 404);
        }
        problem(Api.as(TestJwt.admin()).get("/api/v1/financing-applications/not-a-uuid").then(), 404);
        problem(Api.as(lender).put("/api/v1/financing-applications/" + ANY + "/review").then(), 404);
        problem(Api.as(lender).body(Map.of("decision", "APPROVE")).put("/api/v1/financing-applications/" + ANY
                + "/approval").then(), 404);
        problem(Api.as(Api.enterprise(sme.id())).body(Map.of("lender_org_id", ANY))
                .put("/api/v1/financing-applications/" + ANY + "/acceptance").then(), 404);
        problem(Api.as(lender).body(Map.of("instalment_number", 1, "amount", "1.00"))
                .post("/api/v1/financing-applications/" + ANY + "/repayments").then(), 404);
        problem(Api.as(TestJwt.admin()).get("/api/v1/lenders/" + ANY + "/review-queue").then(), 404);
    }

    @Test
    void theOpenApiDocumentDescribesEveryOperation() {
        JsonPath doc = given().accept("application/json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        assertThat(doc.getString("openapi")).startsWith("3.");
        Map<String, Map<String, Map<String, Object>>> paths = doc.getMap("paths");
        assertThat(paths).containsKeys("/api/v1/receivables", "/api/v1/receivables/{id}",
                "/api/v1/receivables/{id}/decision", "/api/v1/receivables/{id}/pledge", "/api/v1/financing-applications",
                "/api/v1/financing-applications/{id}", "/api/v1/financing-applications/{id}/recommendation",
                "/api/v1/financing-applications/{id}/approval", "/api/v1/financing-applications/{id}/schedule",
                "/api/v1/financing-applications/{id}/repayments", "/api/v1/lenders/{org}/review-queue");
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> assertThat(operation)
                .as(method + " " + path).containsKeys("summary", "tags", "responses")));
        assertThat(doc.getString("components.schemas.NewReceivable.properties.amount.type")).isEqualTo("string");
        assertThat(doc.getString("components.schemas.NewFinancingApplication.properties.amount.type")).isEqualTo("string");
        // Properties are named as the JSON has them.
        assertThat(doc.getMap("components.schemas.RecommendationRequest.properties")).containsKeys("annual_rate",
                "term_months", "repayment_method");
        assertThat(doc.getString("components.schemas.RecommendationRequest.properties.annual_rate.type"))
                .isEqualTo("string");
        assertThat(doc.getString("components.schemas.Instalment.properties.subsidy_interest.type")).isEqualTo("string");
    }
}
