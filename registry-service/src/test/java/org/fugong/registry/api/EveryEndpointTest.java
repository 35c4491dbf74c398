package org.fugong.registry.api;

import static io.restassured.RestAssured.given;
import static org.fugong.testing.ProblemAssertions.problem;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.fugong.registry.support.Api;
import org.fugong.registry.support.RegistryTest;
import org.fugong.testing.TestJwt;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The same bad requests against every endpoint: none may answer anything but its 4xx problem. */
@QuarkusTest
@RegistryTest
class EveryEndpointTest {

    /** An enterprise with an approved filing, made on first use (the application must be up). */
    private static String enterprise;
    private static String filing;

    /** Paths name {e} for the enterprise and {f} for its filing. */
    static String resolve(String template) {
        if (enterprise == null) {
            enterprise = org.fugong.registry.support.Scenario.resuming("420923", "FOOD").toString();
            filing = Api.as(Api.admin()).get("/api/v1/enterprises/" + enterprise + "/resumption-filings").then()
                    .statusCode(200).extract().path("items[0].id");
        }
        return template.replace("{e}", enterprise).replace("{f}", filing);
    }

    /** Every endpoint that reads a body: method, path, and the role that may call it. */
    static Stream<Arguments> writes() {
        String e = "/api/v1/enterprises/{e}";
        return Stream.of(
                Arguments.of("POST", "/api/v1/enterprises", "ADMIN"),
                Arguments.of("PATCH", e, "ADMIN"),
                Arguments.of("PUT", e + "/status", "ADMIN"),
                Arguments.of("PUT", e + "/key-enterprise", "ADMIN"),
                Arguments.of("PUT", "/api/v1/regions/420923/risk-level", "ADMIN"),
                Arguments.of("POST", e + "/resumption-filings", "ADMIN"),
                Arguments.of("PUT", e + "/resumption-filings/{f}/decision", "ADMIN"),
                Arguments.of("POST", e + "/resumption-reports", "ADMIN"),
                Arguments.of("PUT", e + "/health-reports/2020-03-10", "ADMIN"));
    }

    /** Every endpoint, reads included. */
    static Stream<Arguments> all() {
        String e = "/api/v1/enterprises/{e}";
        return Stream.concat(writes(), Stream.of(
                Arguments.of("GET", "/api/v1/enterprises", "ADMIN"),
                Arguments.of("GET", e, "ADMIN"),
                Arguments.of("GET", "/api/v1/regions", "READER"),
                Arguments.of("GET", "/api/v1/regions/420923", "READER"),
                Arguments.of("GET", "/api/v1/regions/420923/risk-history", "READER"),
                Arguments.of("GET", e + "/resumption-filings", "ADMIN"),
                Arguments.of("GET", e + "/resumption-filings/{f}", "ADMIN"),
                Arguments.of("GET", e + "/resumption-reports", "ADMIN"),
                Arguments.of("GET", e + "/health-reports", "ADMIN"),
                Arguments.of("GET", "/api/v1/health-reports/compliance?date=2020-03-10&region=420923", "ADMIN"),
                Arguments.of("GET", "/api/v1/stats/resumption", "READER")));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("all")
    void withoutATokenIs401(String method, String path, String role) {
        problem(given().contentType(ContentType.JSON).body("{}").request(method, resolve(path)).then(), 401);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("all")
    void aForgedTokenIs401(String method, String path, String role) {
        problem(Api.as(TestJwt.as(role).signedWithForeignKey().token()).body("{}").request(method, resolve(path)).then(), 401);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("writes")
    void malformedJsonIs400NamingTheBody(String method, String path, String role) {
        problem(Api.as(TestJwt.as(role).token()).header("If-Match", "*").body("{\"oops\": ").request(method, resolve(path))
                .then(), 400).body("errors[0].field", equalTo("body"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("writes")
    void aJsonArrayInsteadOfAnObjectIs400(String method, String path, String role) {
        problem(Api.as(TestJwt.as(role).token()).header("If-Match", "*").body("[1, 2]").request(method, resolve(path)).then(),
                400);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("writes")
    void anUnknownPropertyIs400NamingIt(String method, String path, String role) {
        problem(Api.as(TestJwt.as(role).token()).header("If-Match", "*").body("{\"surprise\": 1}").request(method, resolve(path))
                .then(), 400).body("errors.field", org.hamcrest.Matchers.hasItem("surprise"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("writes")
    void anEmptyBodyIs400(String method, String path, String role) {
        problem(Api.as(TestJwt.as(role).token()).header("If-Match", "*").request(method, resolve(path)).then(), 400);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("writes")
    void aNonJsonBodyIs415(String method, String path, String role) {
        problem(given().auth().oauth2(TestJwt.as(role).token()).header("If-Match", "*").contentType(ContentType.XML)
                .body("<enterprise/>").request(method, resolve(path)).then(), 415);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("writes")
    void readersMayChangeNothing(String method, String path, String role) {
        problem(Api.as(Api.reader()).header("If-Match", "*").body("{}").request(method, resolve(path)).then(), 403);
    }

    /** A body the endpoint accepts, so that what answers a stranger is the scope check, not validation. */
    static Object validBody(String method, String path) {
        String e = "/api/v1/enterprises/{e}";
        String key = method + " " + path;
        if (key.equals("POST /api/v1/enterprises")) {
            return Api.enterpriseBody();
        }
        if (key.equals("PATCH " + e)) {
            return Map.of("name", "武汉改名测试有限公司");
        }
        if (key.equals("PUT " + e + "/status")) {
            return Map.of("status", "ACTIVE");
        }
        if (key.equals("PUT " + e + "/key-enterprise")) {
            return Map.of("key_enterprise", false);
        }
        if (key.equals("PUT /api/v1/regions/420923/risk-level")) {
            return Map.of("risk_level", "LOW");
        }
        if (key.equals("POST " + e + "/resumption-filings")) {
            return Map.of("planned_date", "2020-03-02", "workforce", 100, "measures", Api.measures(true));
        }
        if (key.equals("PUT " + e + "/resumption-filings/{f}/decision")) {
            return Map.of("decision", "REJECTED", "note", "Site not ready");
        }
        if (key.equals("POST " + e + "/resumption-reports")) {
            return Map.of("report_date", "2020-03-10", "employees_total", 10, "employees_returned", 5,
                    "capacity_utilisation", "50", "measures", Api.measures(true));
        }
        if (key.equals("PUT " + e + "/health-reports/2020-03-10")) {
            return Map.of("confirmed", 0, "suspected", 0, "fever", 0, "close_contacts", 0);
        }
        throw new IllegalArgumentException("No valid body for " + key);
    }

    /**
     * Someone of the right kind but the wrong scope: an authority of Beijing for what an authority
     * decides (the organisation is in Hubei), another organisation for the rest.
     */
    static String stranger(String role, String method, String path) {
        boolean official = List.of("POST /api/v1/enterprises", "PUT /api/v1/enterprises/{e}/status",
                "PUT /api/v1/enterprises/{e}/key-enterprise", "PUT /api/v1/regions/420923/risk-level",
                "PUT /api/v1/enterprises/{e}/resumption-filings/{f}/decision").contains(method + " " + path)
                || path.startsWith("/api/v1/health-reports/compliance");
        return official ? Api.authority("11") : Api.enterprise(UUID.randomUUID());
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("writes")
    void theBodiesStrangersSendAreValid(String method, String path, String role) {
        // The same body from an administrator gets past validation (a decided filing is a 409, not a 400).
        int status = Api.as(Api.admin()).header("If-Match", "*").body(validBody(method, path))
                .request(method, resolve(path)).then().extract().statusCode();
        org.assertj.core.api.Assertions.assertThat(status).as(method + " " + path).isIn(200, 201, 409);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("all")
    void anotherOrganisationGets403Or404(String method, String path, String role) {
        if (List.of("/api/v1/regions", "/api/v1/stats/resumption").stream().anyMatch(path::startsWith)
                && method.equals("GET")) {
            return; // public reference data and aggregates
        }
        if (method.equals("GET") && path.equals("/api/v1/enterprises")) {
            // The list is scoped rather than refused: the stranger sees no one but itself.
            Api.as(Api.enterprise(UUID.randomUUID())).get(path).then().statusCode(200)
                    .body("items", org.hamcrest.Matchers.empty());
            return;
        }
        var request = Api.as(stranger(role, method, path)).header("If-Match", "*");
        if (!method.equals("GET")) {
            request.body(validBody(method, path));
        }
        // Creating, or acting on a region, outside one's scope is 403; an organisation outside it looks like none.
        int expected = List.of("POST /api/v1/enterprises", "PUT /api/v1/regions/420923/risk-level").contains(method + " " + path)
                || path.startsWith("/api/v1/health-reports/compliance") ? 403 : 404;
        problem(request.request(method, resolve(path)).then(), expected);
    }
}
