package org.fugong.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;

import org.fugong.gateway.observability.AccessLogCapture;
import org.fugong.gateway.support.ApiKeysForTests;
import org.fugong.gateway.support.GatewayTestResources;
import org.fugong.testing.TestJwt;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.vertx.core.json.JsonObject;

/** The docs served at the front door, request ids and trace context, and the access log. */
@QuarkusTest
@GatewayTestResources
class DocsAndTracingTest {

    @jakarta.inject.Inject
    org.fugong.gateway.observability.AccessLog accessLog;

    @Test
    void openApiMergesEveryServiceAndTheGatewayWithTheGatewaysAuthSchemes() {
        JsonPath doc = given().get("/openapi").then().statusCode(200).contentType("application/json").extract().jsonPath();
        assertThat(doc.getMap("paths")).containsKeys("/api/v1/enterprises", "/api/v1/supply-offers", "/admin/api-keys");
        assertThat(doc.getMap("components.schemas")).containsKeys("Problem", "registryThing", "supplyThing");
        assertThat(doc.getMap("components.securitySchemes")).containsOnlyKeys("apiKey", "oidcBearer");
        assertThat(doc.getString("components.securitySchemes.apiKey.name")).isEqualTo("X-Api-Key");
        List<Object> security = doc.getList("paths.'/api/v1/enterprises'.get.security");
        assertThat(security.toString()).contains("apiKey").contains("oidcBearer").doesNotContain("internalJwt");
        assertThat(doc.getList("tags.name")).contains("registry", "supply");
        assertThat(doc.getString("servers[0].url")).as("redocly lint wants a server").isEqualTo("/");
        given().get("/docs/").then().statusCode(200).body(containsString("swagger"));
    }

    @Test
    void theEventContractIsServedWithItsSchemas() {
        String asyncApi = given().get("/asyncapi.yaml").then().statusCode(200).extract().asString();
        assertThat(asyncApi).contains("asyncapi: 3.0").contains("registry.enterprises");
        given().get("/schemas/fugong.registry.enterprise.registered.schema.json").then().statusCode(200)
                .body("$schema", org.hamcrest.Matchers.notNullValue());
        given().get("/schemas/..%2Fasyncapi.yaml").then().statusCode(404);
    }

    @Test
    void requestIdsAndTraceContextArePassedOnOrMade() {
        String key = ApiKeysForTests.issue("READER", null, null);
        String trace = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        Response passed = given().header("X-Api-Key", key).header("X-Request-Id", "client-req-42")
                .header("traceparent", trace).get("/api/v1/stats/resumption");
        assertThat(passed.header("X-Request-Id")).isEqualTo("client-req-42");
        assertThat(passed.jsonPath().getString("headers.x-request-id")).isEqualTo("client-req-42");
        assertThat(passed.jsonPath().getString("headers.traceparent")).isEqualTo(trace);

        Response made = given().header("X-Api-Key", key).header("X-Request-Id", "bad id with spaces")
                .header("traceparent", "garbage").get("/api/v1/stats/resumption");
        assertThat(made.header("X-Request-Id")).isNotEqualTo("bad id with spaces").matches("[0-9a-f-]{36}");
        assertThat(made.jsonPath().getString("headers.traceparent")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
        // Answers the gateway gives itself carry the id too.
        given().header("X-Request-Id", "rejected-1").get("/api/v1/enterprises").then().statusCode(401)
                .header("X-Request-Id", "rejected-1");
    }

    @Test
    void everyRequestLeavesOneJsonAccessLineWithoutSecrets() {
        AccessLogCapture log = AccessLogCapture.start(accessLog);
        try {
            String key = ApiKeysForTests.issue("READER", null, null);
            given().header("X-Api-Key", key).header("X-Request-Id", "logged-1").get("/api/v1/stats/resumption?secret=x")
                    .then().statusCode(200);
            given().header("X-Request-Id", "logged-2").auth().oauth2(TestJwt.admin()).get("/api/v1/enterprises").then()
                    .statusCode(401);
            long deadline = System.currentTimeMillis() + 5_000;
            while (log.lines().stream().noneMatch(l -> l.contains("logged-2")) && System.currentTimeMillis() < deadline) {
                Thread.onSpinWait();
            }
        } finally {
            log.close();
        }
        List<String> lines = log.lines();
        JsonObject forwarded = lines.stream().filter(l -> l.contains("logged-1")).map(JsonObject::new).findFirst().orElseThrow();
        assertThat(forwarded.getString("method")).isEqualTo("GET");
        assertThat(forwarded.getString("path")).isEqualTo("/api/v1/stats/resumption");
        assertThat(forwarded.getString("route")).isEqualTo("stats");
        assertThat(forwarded.getString("service")).isEqualTo("registry");
        assertThat(forwarded.getInteger("status")).isEqualTo(200);
        assertThat(forwarded.getString("client")).startsWith("client:");
        assertThat(forwarded.getDouble("duration_ms")).isPositive();
        assertThat(forwarded.getString("outcome")).isEqualTo("forwarded");
        JsonObject refused = lines.stream().filter(l -> l.contains("logged-2")).map(JsonObject::new).findFirst().orElseThrow();
        assertThat(refused.getInteger("status")).isEqualTo(401);
        assertThat(refused.getString("outcome")).isEqualTo("unauthenticated");
        assertThat(String.join("\n", lines)).doesNotContain("fg_").doesNotContain("secret=").doesNotContain("eyJ");
        assertThat(lines.stream().filter(l -> l.contains("logged-1")).count()).isEqualTo(1);
        given().get("/health").then().body("status", equalTo("UP"));
    }
}
