package org.fugong.registry.filing;

import static org.fugong.testing.ProblemAssertions.problem;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.fugong.registry.support.Api;
import org.fugong.registry.support.Regions;
import org.fugong.registry.support.RegistryTest;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@RegistryTest
class FilingResourceTest {

    /** Counties used only here, so the risk levels these tests set do not disturb others. */
    static final String LOW_COUNTY = "420202";
    static final String MEDIUM_COUNTY = "420203";
    static final String HIGH_COUNTY = "420204";

    static UUID registerIn(String county, String industry) {
        Map<String, Object> body = Api.enterpriseBody();
        body.put("region_code", county);
        body.put("industry", industry);
        return Api.register(body);
    }

    static Map<String, Object> plan(boolean allMeasures) {
        Map<String, Object> plan = new HashMap<>();
        plan.put("planned_date", "2020-03-02");
        plan.put("workforce", 180);
        plan.put("measures", Api.measures(allMeasures));
        return plan;
    }

    static String filings(UUID id) {
        return "/api/v1/enterprises/" + id + "/resumption-filings";
    }

    @Test
    void lowRiskIsApprovedAtOnceAndStartsResumption() {
        Regions.setRisk(LOW_COUNTY, "LOW");
        UUID id = registerIn(LOW_COUNTY, "TEXTILES");
        Api.as(Api.enterprise(id)).body(plan(false)).post(filings(id)).then().statusCode(201)
                .body("status", equalTo("APPROVED")).body("rule", equalTo("LOW_RISK_APPROVED"))
                .body("region_risk_level", equalTo("LOW")).body("priority_tier", equalTo("STANDARD"));
        Api.as(Api.enterprise(id)).get("/api/v1/enterprises/" + id).then().body("resumption_status", equalTo("RESUMING"));
    }

    @Test
    void mediumRiskNeedsEveryMeasureAndAPriorityTier() {
        Regions.setRisk(MEDIUM_COUNTY, "MEDIUM");
        UUID essential = registerIn(MEDIUM_COUNTY, "PROTECTIVE_GEAR");
        Api.as(Api.enterprise(essential)).body(plan(true)).post(filings(essential)).then().statusCode(201)
                .body("status", equalTo("APPROVED"));
        UUID incomplete = registerIn(MEDIUM_COUNTY, "PROTECTIVE_GEAR");
        Api.as(Api.enterprise(incomplete)).body(plan(false)).post(filings(incomplete)).then().statusCode(201)
                .body("status", equalTo("PENDING_REVIEW")).body("rule", equalTo("MEDIUM_RISK_NEEDS_REVIEW"));
        Api.as(Api.enterprise(incomplete)).get("/api/v1/enterprises/" + incomplete).then()
                .body("resumption_status", equalTo("NOT_RESUMED"));
        UUID standard = registerIn(MEDIUM_COUNTY, "RETAIL");
        Api.as(Api.enterprise(standard)).body(plan(true)).post(filings(standard)).then().statusCode(201)
                .body("status", equalTo("PENDING_REVIEW"));
    }

    @Test
    void highRiskAdmitsOnlyEssentialEnterprisesAfterReview() {
        Regions.setRisk(HIGH_COUNTY, "HIGH");
        UUID other = registerIn(HIGH_COUNTY, "AUTOMOBILES");
        Api.as(Api.enterprise(other)).body(plan(true)).post(filings(other)).then().statusCode(201)
                .body("status", equalTo("REJECTED")).body("rule", equalTo("HIGH_RISK_ONLY_ESSENTIAL"));

        UUID essential = registerIn(HIGH_COUNTY, "PHARMACEUTICALS");
        String filingId = Api.as(Api.enterprise(essential)).body(plan(true)).post(filings(essential)).then()
                .statusCode(201).body("status", equalTo("PENDING_REVIEW"))
                .body("rule", equalTo("HIGH_RISK_ESSENTIAL_NEEDS_REVIEW")).extract().path("id");
        String decision = filings(essential) + "/" + filingId + "/decision";
        problem(Api.as(Api.enterprise(essential)).body(Map.of("decision", "APPROVED")).put(decision).then(), 403);
        problem(Api.as(Api.authority("33")).body(Map.of("decision", "APPROVED")).put(decision).then(), 404);
        problem(Api.as(Api.authority("42")).body(Map.of("decision", "PENDING_REVIEW")).put(decision).then(), 400)
                .body("errors[0].field", equalTo("decision"));
        Api.as(Api.authority("4202")).body(Map.of("decision", "APPROVED", "note", "Inspected")).put(decision).then()
                .statusCode(200).body("status", equalTo("APPROVED")).body("review_note", equalTo("Inspected"));
        problem(Api.as(Api.authority("4202")).body(Map.of("decision", "REJECTED")).put(decision).then(), 409);
        Api.as(Api.enterprise(essential)).get("/api/v1/enterprises/" + essential).then()
                .body("resumption_status", equalTo("RESUMING"));
    }

    @Test
    void aPendingFilingIsDecidedAgainstTheRiskAtTheTimeOfReview() {
        // Xiangyang's Xiangcheng district (420602) is used by no other test.
        String county = "420602";
        Regions.setRisk(county, "MEDIUM");
        UUID retailer = registerIn(county, "RETAIL");
        String retailerFiling = Api.as(Api.enterprise(retailer)).body(plan(true)).post(filings(retailer)).then()
                .statusCode(201).body("status", equalTo("PENDING_REVIEW")).extract().path("id");
        UUID essential = registerIn(county, "FOOD");
        String essentialFiling = Api.as(Api.enterprise(essential)).body(plan(false)).post(filings(essential)).then()
                .statusCode(201).body("status", equalTo("PENDING_REVIEW")).extract().path("id");
        Regions.setRisk(county, "HIGH");

        // In a HIGH county only essential enterprises may resume: the retailer's plan can no longer be approved.
        String retailerDecision = filings(retailer) + "/" + retailerFiling + "/decision";
        problem(Api.as(Api.authority("42")).body(Map.of("decision", "APPROVED")).put(retailerDecision).then(), 409)
                .body("detail", org.hamcrest.Matchers.containsString("HIGH_RISK_ONLY_ESSENTIAL"));
        Api.as(Api.enterprise(retailer)).get(filings(retailer) + "/" + retailerFiling).then()
                .body("status", equalTo("PENDING_REVIEW"));
        Api.as(Api.enterprise(retailer)).get("/api/v1/enterprises/" + retailer).then()
                .body("resumption_status", equalTo("NOT_RESUMED"));
        Api.as(Api.authority("42")).body(Map.of("decision", "REJECTED", "note", "County is HIGH")).put(retailerDecision)
                .then().statusCode(200).body("status", equalTo("REJECTED")).body("review_risk_level", equalTo("HIGH"));

        // An essential enterprise may still be approved after review, and the level it was reviewed at is kept.
        Api.as(Api.authority("42")).body(Map.of("decision", "APPROVED")).put(filings(essential) + "/" + essentialFiling
                + "/decision").then().statusCode(200).body("status", equalTo("APPROVED"))
                .body("region_risk_level", equalTo("MEDIUM")).body("review_risk_level", equalTo("HIGH"));
    }

    @Test
    void onlyTheEnterpriseFilesAndOthersSeeNothing() {
        UUID id = registerIn(LOW_COUNTY, "FOOD");
        UUID stranger = registerIn(LOW_COUNTY, "FOOD");
        problem(Api.as(Api.enterprise(stranger)).body(plan(true)).post(filings(id)).then(), 404);
        problem(Api.as(Api.authority("42")).body(plan(true)).post(filings(id)).then(), 403);
        problem(Api.as(Api.reader()).body(plan(true)).post(filings(id)).then(), 403);
        String filingId = Api.as(Api.enterprise(id)).body(plan(true)).post(filings(id)).then().statusCode(201)
                .extract().path("id");
        problem(Api.as(Api.enterprise(stranger)).get(filings(id) + "/" + filingId).then(), 404);
        problem(Api.as(Api.enterprise(stranger)).get(filings(stranger) + "/" + filingId).then(), 404);
        Api.as(Api.authority("42")).get(filings(id)).then().statusCode(200).body("items", hasSize(1));
        Api.as(Api.enterprise(id)).get(filings(id) + "/" + filingId).then().statusCode(200).header("ETag", "\"0\"");
    }

    @Test
    void invalidPlansAre400() {
        UUID id = registerIn(LOW_COUNTY, "FOOD");
        Map<String, Object> noMeasures = plan(true);
        noMeasures.remove("measures");
        problem(Api.as(Api.enterprise(id)).body(noMeasures).post(filings(id)).then(), 400)
                .body("errors[0].field", equalTo("measures"));
        Map<String, Object> missingOne = plan(true);
        @SuppressWarnings("unchecked")
        Map<String, Object> measures = (Map<String, Object>) missingOne.get("measures");
        measures.remove("emergency_plan");
        problem(Api.as(Api.enterprise(id)).body(missingOne).post(filings(id)).then(), 400)
                .body("errors[0].field", equalTo("measures.emergency_plan"));
        Map<String, Object> badDate = plan(true);
        badDate.put("planned_date", "next monday");
        problem(Api.as(Api.enterprise(id)).body(badDate).post(filings(id)).then(), 400)
                .body("errors[0].field", equalTo("planned_date"))
                .body("errors[0].message", containsString("date"));
        Map<String, Object> noWorkforce = plan(true);
        noWorkforce.put("workforce", 0);
        problem(Api.as(Api.enterprise(id)).body(noWorkforce).post(filings(id)).then(), 400)
                .body("errors[0].field", equalTo("workforce"));
    }

    @Test
    void suspendedEnterprisesCannotFile() {
        UUID id = registerIn(LOW_COUNTY, "FOOD");
        Api.as(Api.admin()).header("If-Match", "*").body(Map.of("status", "SUSPENDED", "reason", "inspection"))
                .put("/api/v1/enterprises/" + id + "/status").then().statusCode(200);
        problem(Api.as(Api.enterprise(id)).body(plan(true)).post(filings(id)).then(), 409);
    }

    @Test
    void filingsHonourIdempotencyKeys() {
        UUID id = registerIn(LOW_COUNTY, "FOOD");
        String token = Api.enterprise(id);
        String first = Api.as(token).header("Idempotency-Key", "plan-1").body(plan(true)).post(filings(id)).then()
                .statusCode(201).extract().path("id");
        Api.as(token).header("Idempotency-Key", "plan-1").body(plan(true)).post(filings(id)).then().statusCode(201)
                .body("id", equalTo(first)).header("Idempotent-Replayed", "true");
        problem(Api.as(token).header("Idempotency-Key", "plan-1").body(plan(false)).post(filings(id)).then(), 422);
        Api.as(token).get(filings(id)).then().body("items", hasSize(1));
    }
}
