package org.fugong.registry.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsStringIgnoringCase;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Map;

import jakarta.inject.Inject;

import org.fugong.registry.support.Api;
import org.fugong.registry.support.RegistryTest;
import org.fugong.testing.ProblemAssertions;
import org.fugong.testing.TestJwt;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** What every client and operator relies on beyond single endpoints: docs, health, metrics, idempotency races. */
@QuarkusTest
@RegistryTest
class ServiceSurfaceTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void theOpenApiDocumentDescribesEveryOperationWithProblemResponses() {
        JsonPath doc = given().accept("application/json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        assertThat(doc.getString("openapi")).startsWith("3.");
        assertThat(doc.getMap("components.schemas")).containsKeys("Problem", "Enterprise", "Region",
                "ResumptionFiling", "HealthReportCompliance", "ResumptionStatistics");
        assertThat(doc.getMap("components.securitySchemes")).containsKey("internalJwt");
        // Properties are named as the JSON has them.
        assertThat(doc.getMap("components.schemas.Enterprise.properties")).containsKeys("region_code", "size_class",
                "annual_revenue").doesNotContainKeys("regionCode", "sizeClass");
        Map<String, Map<String, Map<String, Object>>> paths = doc.getMap("paths");
        assertThat(paths).containsKeys("/api/v1/enterprises", "/api/v1/regions/{code}/risk-level",
                "/api/v1/enterprises/{enterpriseId}/health-reports/{date}", "/api/v1/health-reports/compliance",
                "/api/v1/stats/resumption");
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
            assertThat(operation).as(method + " " + path).containsKeys("summary", "tags", "responses");
            @SuppressWarnings("unchecked")
            Map<String, Object> responses = (Map<String, Object>) operation.get("responses");
            assertThat(responses).as(method + " " + path).containsKeys("400", "401", "403");
        }));
    }

    @Test
    void anEndpointSomeoneForgotToAnnotateIsClosedNotOpen() {
        assertThat(org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getValue("quarkus.security.jaxrs.deny-unannotated-endpoints", Boolean.class)).isTrue();
    }

    @Test
    void healthShowsTheDatabaseAndTheOutboxRelay() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItem("outbox"))
                .body("checks.find { it.name == 'outbox' }.data.relay_active", equalTo(true))
                // Kafka stays out of readiness (quarkus-kafka-client's check is off): a broker outage
                // delays events, it must not take the service out of its load balancer.
                .body("checks.name", not(hasItem(containsStringIgnoringCase("kafka"))));
        given().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void metricsIncludeTheOutboxBacklogAndRequestTimings() {
        Api.as(Api.reader()).get("/api/v1/regions/420000").then().statusCode(200);
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("fugong_outbox_backlog").contains("http_server_requests_seconds");
    }

    @Test
    void everyResponseCarriesARequestId() {
        given().header("X-Request-Id", "client-chosen-id").get("/api/v1/regions").then().statusCode(401)
                .header("X-Request-Id", "client-chosen-id");
        given().get("/api/v1/regions").then().header("X-Request-Id", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void aSecondRequestWithAKeyStillInFlightIs409() throws Exception {
        String admin = TestJwt.as("ADMIN").subject("admin-racing").token();
        String key = "race-" + System.nanoTime();
        // Hold the key's lock as the first request would while it runs.
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(hashtextextended(?, 7))")) {
                lock.setString(1, "admin-racing POST /api/v1/enterprises\n" + key);
                lock.execute();
            }
            ProblemAssertions.problem(Api.as(admin).header("Idempotency-Key", key).body(Api.enterpriseBody())
                    .post("/api/v1/enterprises").then(), 409).body("detail", startsWith("Idempotency-Key"));
            c.rollback();
        }
        Api.as(admin).header("Idempotency-Key", key).body(Api.enterpriseBody()).post("/api/v1/enterprises").then()
                .statusCode(201);
    }

    @Test
    void methodsThatDoNotExistAre405ProblemJson() {
        ProblemAssertions.problem(Api.as(Api.admin()).delete("/api/v1/regions/420000").then(), 405);
    }
}
