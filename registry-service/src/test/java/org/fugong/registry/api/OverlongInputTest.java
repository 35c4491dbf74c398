package org.fugong.registry.api;

import static org.fugong.testing.ProblemAssertions.problem;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;
import java.util.UUID;

import org.fugong.registry.support.Api;
import org.fugong.registry.support.RegistryTest;
import org.fugong.registry.support.Scenario;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Free-text fields have bounds: over them is a 400 naming the field, and nothing changes. */
@QuarkusTest
@RegistryTest
class OverlongInputTest {

    static final String LONG = "长".repeat(1001);

    @Test
    void everyFreeTextFieldIsBounded() {
        UUID id = Scenario.enterprise("420502", "FOOD");
        problem(Api.as(Api.admin()).header("If-Match", "*").body(Map.of("status", "SUSPENDED", "reason", LONG))
                .put("/api/v1/enterprises/" + id + "/status").then(), 400).body("errors[0].field", equalTo("reason"));
        problem(Api.as(Api.admin()).header("If-Match", "*").body(Map.of("risk_level", "LOW", "reason", LONG))
                .put("/api/v1/regions/420502/risk-level").then(), 400).body("errors[0].field", equalTo("reason"));
        problem(Api.as(Api.admin()).header("If-Match", "*").body(Map.of("name", LONG))
                .patch("/api/v1/enterprises/" + id).then(), 400).body("errors[0].field", equalTo("name"));
        problem(Api.as(Api.admin()).header("If-Match", "*")
                .body(Map.of("contact", Map.of("name", LONG, "phone", "13800000000")))
                .patch("/api/v1/enterprises/" + id).then(), 400).body("errors[0].field", equalTo("contact.name"));
        problem(Api.as(Api.admin()).body(Map.of("decision", "APPROVED", "note", LONG))
                .put("/api/v1/enterprises/" + id + "/resumption-filings/" + UUID.randomUUID() + "/decision").then(), 400)
                .body("errors[0].field", equalTo("note"));
        Api.as(Api.admin()).get("/api/v1/enterprises/" + id).then().body("status", equalTo("ACTIVE"))
                .body("version", equalTo(0));
    }
}
