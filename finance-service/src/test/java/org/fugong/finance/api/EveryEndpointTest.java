package org.fugong.finance.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.fugong.finance.support.Api;
import org.fugong.finance.support.Applications;
import org.fugong.finance.support.Claims;
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

    /** Every endpoint with a concrete path, and the roles allowed to call it (as EndpointRolesTest pins them). */
    static Stream<Map.Entry<String, Set<String>>> endpoints() {
        return EndpointRolesTest.EXPECTED.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> Map.entry(e.getKey().replaceAll("\\{[A-Za-z]+\\}", ANY), e.getValue()));
    }

    static String method(Map.Entry<String, Set<String>> endpoint) {
        return endpoint.getKey().split(" ")[0];
    }

    static String path(Map.Entry<String, Set<String>> endpoint) {
        return endpoint.getKey().split(" ")[1];
    }

    /** Endpoints that read a body, with a role allowed to call them. */
    static Stream<Arguments> writes() {
        // PUT …/review (a lender starting its review) reads no body.
        return endpoints().filter(e -> !method(e).equals("GET") && !path(e).endsWith("/review"))
                .map(e -> Arguments.of(method(e), path(e), e.getValue().stream().sorted().findFirst().orElseThrow()));
    }

    static Stream<Arguments> all() {
        return endpoints().map(e -> Arguments.of(method(e), path(e), e.getValue().stream().sorted().findFirst().orElseThrow()));
    }

    /** Each endpoint with each role it does not admit. */
    static Stream<Arguments> outsiders() {
        return endpoints().flatMap(e -> EndpointRoles.EVERYONE.stream().filter(role -> !e.getValue().contains(role))
                .sorted().map(role -> Arguments.of(method(e), path(e), role)));
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
    static Object validBody(String path) {
        if (path.endsWith("/decision")) {
            return Map.of("decision", "CONFIRM");
        }
        if (path.endsWith("/response")) {
            return Map.of("decision", "ACKNOWLEDGE");
        }
        if (path.endsWith("/settlement-plan")) {
            return Map.of("instalments", List.of(Map.of("due_date", LocalDate.now().plusDays(30).toString(), "amount", "1.00")));
        }
        if (path.endsWith("/payments")) {
            return Map.of("amount", "1.00", "paid_on", "2020-04-01");
        }
        if (path.startsWith("/api/v1/arrears-claims")) {
            return Claims.claim(RegistryFeed.newUscc("420102"), "100.00");
        }
        if (path.startsWith("/api/v1/policies")) {
            return Claims.policy(Map.of("key_enterprise", true));
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
        if (path.startsWith("/api/v1/policy-matches") || !path.startsWith("/api/v1/receivables")) {
            return Map.of();
        }
        return Api.receivable(RegistryFeed.newUscc("110101"), "100.00");
    }

    @Test
    void unknownIdsAre404AndMalformedOnes404() {
        Known sme = RegistryFeed.sme();
        problem(Api.as(TestJwt.admin()).get("/api/v1/receivables/" + ANY).then(), 404);
        problem(Api.as(TestJwt.admin()).get("/api/v1/receivables/" + ANY + "/pledge").then(), 404);
        problem(Api.as(Api.enterprise(sme.id())).body(Map.of("decision", "CONFIRM"))
                .put("/api/v1/receivables/" + ANY + "/decision").then(), 404);
        problem(Api.as(TestJwt.admin()).get("/api/v1/receivables/not-a-uuid").then(), 404);
        problem(Api.as(TestJwt.admin()).get("/api/v1/arrears-claims/" + ANY).then(), 404);
        problem(Api.as(TestJwt.admin()).get("/api/v1/arrears-claims/" + ANY + "/payments").then(), 404);
        problem(Api.as(TestJwt.admin()).get("/api/v1/arrears-claims/" + ANY + "/payments/" + ANY).then(), 404);
        problem(Api.as(Api.enterprise(sme.id())).body(Map.of("decision", "ACKNOWLEDGE"))
                .put("/api/v1/arrears-claims/" + ANY + "/response").then(), 404);
        problem(Api.as(TestJwt.admin()).get("/api/v1/policies/" + ANY).then(), 404);
        problem(Api.as(TestJwt.admin()).header("If-Match", "\"0\"").body(Claims.policy(Map.of("key_enterprise", true)))
                .put("/api/v1/policies/" + ANY).then(), 404);
        problem(Api.as(TestJwt.admin()).queryParam("enterprise_id", ANY).get("/api/v1/policy-matches").then(), 404);
        problem(Api.as(TestJwt.admin()).get("/api/v1/arrears-claims/not-a-uuid").then(), 404);
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
                "/api/v1/receivables/{id}/decision", "/api/v1/receivables/{id}/pledge", "/api/v1/arrears-claims",
                "/api/v1/arrears-claims/stats", "/api/v1/arrears-claims/{id}", "/api/v1/arrears-claims/{id}/response",
                "/api/v1/arrears-claims/{id}/settlement-plan", "/api/v1/arrears-claims/{id}/payments",
                "/api/v1/arrears-claims/{id}/payments/{paymentId}", "/api/v1/policies", "/api/v1/policies/{id}",
                "/api/v1/policy-matches", "/api/v1/financing-applications",
                "/api/v1/financing-applications/{id}", "/api/v1/financing-applications/{id}/recommendation",
                "/api/v1/financing-applications/{id}/approval", "/api/v1/financing-applications/{id}/schedule",
                "/api/v1/financing-applications/{id}/repayments", "/api/v1/lenders/{org}/review-queue");
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> assertThat(operation)
                .as(method + " " + path).containsKeys("summary", "tags", "responses")));
        assertThat(doc.getString("components.schemas.NewReceivable.properties.amount.type")).isEqualTo("string");
        assertThat(doc.getString("components.schemas.NewArrearsClaim.properties.amount.type")).isEqualTo("string");
        assertThat(doc.getString("components.schemas.ArrearsAmounts.properties.days_0_30.type")).isEqualTo("string");
        assertThat(doc.getString("components.schemas.NewFinancingApplication.properties.amount.type")).isEqualTo("string");
        // Properties are named as the JSON has them.
        assertThat(doc.getMap("components.schemas.RecommendationRequest.properties")).containsKeys("annual_rate",
                "term_months", "repayment_method");
        assertThat(doc.getString("components.schemas.RecommendationRequest.properties.annual_rate.type"))
                .isEqualTo("string");
        assertThat(doc.getString("components.schemas.Instalment.properties.subsidy_interest.type")).isEqualTo("string");
    }
}
