package org.fugong.registry.api;

import static io.restassured.RestAssured.given;
import static org.fugong.registry.support.Problems.problem;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
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
                Arguments.of("GET", "/api/v1/health-reports/compliance?date=2020-03-10", "ADMIN"),
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
        int status = Api.as(Api.enterprise(UUID.randomUUID())).header("If-Match", "*").body("{}")
                .request(method, resolve(path)).then().extract().statusCode();
        org.assertj.core.api.Assertions.assertThat(status).as(method + " " + path).isIn(400, 403, 404);
    }
}
