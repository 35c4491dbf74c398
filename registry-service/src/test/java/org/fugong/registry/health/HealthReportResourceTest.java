package org.fugong.registry.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fugong.testing.ProblemAssertions.problem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.fugong.registry.support.Api;
import org.fugong.registry.support.Backdate;
import org.fugong.registry.support.RegistryTest;
import org.fugong.registry.support.Scenario;
import org.fugong.testing.TestJwt;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@RegistryTest
class HealthReportResourceTest {

    static final Map<String, Integer> ZERO = Map.of("confirmed", 0, "suspected", 0, "fever", 0, "close_contacts", 0);

    static String path(UUID id, String date) {
        return "/api/v1/enterprises/" + id + "/health-reports/" + date;
    }

    @Test
    void zeroIsAReportAndASecondPutCorrectsIt() {
        UUID id = Scenario.resuming("520102", "FOOD");
        String token = Api.enterprise(id);
        Api.as(token).body(ZERO).put(path(id, "2020-03-10")).then().statusCode(201)
                .body("confirmed", equalTo(0)).body("alerted", equalTo(false));
        Api.as(token).body(Map.of("confirmed", 0, "suspected", 0, "fever", 2, "close_contacts", 0))
                .put(path(id, "2020-03-10")).then().statusCode(200).body("fever", equalTo(2));
        Api.as(Api.authority("52")).get(path(id, "2020-03-10")).then().statusCode(200).body("fever", equalTo(2));
        problem(Api.as(token).get(path(id, "2020-03-11")).then(), 404);
        Api.as(token).body(ZERO).put(path(id, "2020-03-11")).then().statusCode(201);
        Api.as(token).queryParam("limit", 1).get("/api/v1/enterprises/" + id + "/health-reports").then()
                .statusCode(200).body("items", hasSize(1)).body("items[0].report_date", equalTo("2020-03-11"));
    }

    @Test
    void badReportsAre400AndOthersAre404Or403() {
        UUID id = Scenario.resuming("520103", "FOOD");
        UUID other = Scenario.enterprise("520103", "FOOD");
        String token = Api.enterprise(id);
        problem(Api.as(token).body(Map.of("confirmed", -1, "suspected", 0, "fever", 0, "close_contacts", 0))
                .put(path(id, "2020-03-10")).then(), 400).body("errors[0].field", equalTo("confirmed"));
        problem(Api.as(token).body(Map.of("confirmed", 0, "suspected", 0, "fever", 0)).put(path(id, "2020-03-10"))
                .then(), 400).body("errors[0].field", equalTo("close_contacts"));
        problem(Api.as(token).body(ZERO).put(path(id, "2020-02-30")).then(), 400).body("errors[0].field", equalTo("date"));
        problem(Api.as(token).body(ZERO).put(path(id, LocalDate.now().plusDays(2).toString())).then(), 400)
                .body("errors[0].field", equalTo("date"));
        problem(Api.as(Api.enterprise(other)).body(ZERO).put(path(id, "2020-03-10")).then(), 404);
        problem(Api.as(Api.authority("52")).body(ZERO).put(path(id, "2020-03-10")).then(), 403);
        problem(Api.as(Api.reader()).get(path(id, "2020-03-10")).then(), 403);
    }

    @Test
    void complianceCountsExpectedReceivedOnTimeAndMissing() {
        // Lanzhou's Chengguan district is used by no other test.
        String county = "620102";
        UUID onTime = Scenario.resuming(county, "FOOD");
        UUID missing = Scenario.resuming(county, "FOOD");
        UUID late = Scenario.resuming(county, "FOOD");
        Scenario.enterprise(county, "FOOD"); // not resumed: not expected to report
        String today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        String lastYear = LocalDate.now().minusYears(1).toString();
        Api.as(Api.enterprise(onTime)).body(ZERO).put(path(onTime, today)).then().statusCode(201);
        // Reported a year late: received, not on time.
        Api.as(Api.enterprise(late)).body(ZERO).put(path(late, lastYear)).then().statusCode(201);

        var day = Api.as(Api.authority("62")).queryParam("date", today).queryParam("region", county)
                .get("/api/v1/health-reports/compliance").then().statusCode(200)
                .body("expected", equalTo(3)).body("received", equalTo(1)).body("on_time", equalTo(1))
                .body("missing.enterprise_id", org.hamcrest.Matchers.hasItems(missing.toString(), late.toString()))
                .extract();
        assertThat((String) day.path("reporting_rate")).isEqualTo("33.3");
        assertThat((String) day.path("on_time_rate")).isEqualTo("33.3");
        // The enterprises did not exist a year ago: nobody was expected then.
        Api.as(Api.authority("62")).queryParam("date", lastYear).queryParam("region", county)
                .get("/api/v1/health-reports/compliance").then().statusCode(200).body("expected", equalTo(0));
    }

    @Test
    void aReportAfterTheDeadlineIsReceivedButNotOnTime() {
        String county = "620104";
        UUID late = Scenario.resuming(county, "FOOD");
        UUID punctual = Scenario.resuming(county, "FOOD");
        // Both have been registered for ten days; the test profile's deadline is two days after the report date.
        Backdate.registration(Duration.ofDays(10), List.of(late, punctual));
        String fiveDaysAgo = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).minusDays(5).toString();
        String today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        Api.as(Api.enterprise(late)).body(ZERO).put(path(late, fiveDaysAgo)).then().statusCode(201);
        Api.as(Api.enterprise(punctual)).body(ZERO).put(path(punctual, today)).then().statusCode(201);
        Api.as(Api.authority("62")).queryParam("date", fiveDaysAgo).queryParam("region", county)
                .get("/api/v1/health-reports/compliance").then().statusCode(200)
                .body("expected", equalTo(2)).body("received", equalTo(1)).body("on_time", equalTo(0))
                .body("reporting_rate", equalTo("50.0")).body("on_time_rate", equalTo("0.0"))
                .body("missing[0].enterprise_id", equalTo(punctual.toString()));
    }

    @Test
    void complianceForAPastDayCountsWhoWasAtWorkThenAndHealthInstitutions() {
        // Lanzhou's Anning district is used by no other test.
        String county = "620105";
        UUID reported = Scenario.resuming(county, "FOOD");
        UUID suspendedSince = Scenario.resuming(county, "FOOD");
        UUID resumedSince = Scenario.enterprise(county, "FOOD");
        Map<String, Object> hospital = Api.enterpriseBody();
        hospital.put("kind", "HEALTH_INSTITUTION");
        hospital.put("region_code", county);
        hospital.put("industry", "HEALTHCARE_SERVICES");
        UUID clinic = Api.register(hospital);
        Backdate.registration(Duration.ofDays(10), List.of(reported, suspendedSince, resumedSince, clinic));
        String fiveDaysAgo = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(5).toString();
        Api.as(Api.enterprise(reported)).body(ZERO).put(path(reported, fiveDaysAgo)).then().statusCode(201);
        Api.as(Api.enterprise(clinic)).body(ZERO).put(path(clinic, fiveDaysAgo)).then().statusCode(201);
        // Today: one is suspended, the other resumes. Neither changes who was expected five days ago.
        Scenario.suspend(suspendedSince);
        Api.as(Api.enterprise(resumedSince)).body(Map.of("planned_date", "2020-03-02", "workforce", 10, "measures",
                Api.measures(true))).post("/api/v1/enterprises/" + resumedSince + "/resumption-filings").then()
                .statusCode(201).body("status", equalTo("APPROVED"));

        Api.as(Api.authority("62")).queryParam("date", fiveDaysAgo).queryParam("region", county)
                .get("/api/v1/health-reports/compliance").then().statusCode(200)
                .body("expected", equalTo(3)).body("received", equalTo(2))
                .body("missing.enterprise_id", org.hamcrest.Matchers.contains(suspendedSince.toString()));
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        Api.as(Api.authority("62")).queryParam("date", today).queryParam("region", county)
                .get("/api/v1/health-reports/compliance").then().statusCode(200)
                .body("expected", equalTo(3)).body("received", equalTo(0))
                .body("missing.enterprise_id", org.hamcrest.Matchers.containsInAnyOrder(reported.toString(),
                        resumedSince.toString(), clinic.toString()));
    }

    @Test
    void anAdministratorWithoutARegionGetsTheWholeCountry() {
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        Api.as(Api.admin()).queryParam("date", today).get("/api/v1/health-reports/compliance").then().statusCode(200)
                .body("date", equalTo(today)).body("$", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("region")));
    }

    @Test
    void complianceIsForAuthoritiesInsideTheirScope() {
        String today = LocalDate.now().toString();
        problem(Api.as(Api.authority("42")).queryParam("date", today).queryParam("region", "62")
                .get("/api/v1/health-reports/compliance").then(), 403);
        problem(Api.as(Api.reader()).queryParam("date", today).get("/api/v1/health-reports/compliance").then(), 403);
        problem(Api.as(Api.authority("62")).get("/api/v1/health-reports/compliance").then(), 400)
                .body("errors[0].field", equalTo("date"));
        problem(Api.as(Api.authority("62")).queryParam("date", "yesterday").get("/api/v1/health-reports/compliance")
                .then(), 400).body("errors[0].field", equalTo("date"));
        Api.as(Api.authority("62")).queryParam("date", today).get("/api/v1/health-reports/compliance").then()
                .statusCode(200).body("region", equalTo("62"));
    }

    @Test
    void missingPages() {
        String county = "620103";
        for (int i = 0; i < 3; i++) {
            Scenario.resuming(county, "FOOD");
        }
        String today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        var first = Api.as(Api.authority("6201")).queryParam("date", today).queryParam("region", county)
                .queryParam("limit", 2).get("/api/v1/health-reports/compliance").then().statusCode(200)
                .body("missing", hasSize(2)).extract();
        List<String> firstIds = first.path("missing.enterprise_id");
        Api.as(Api.authority("6201")).queryParam("date", today).queryParam("region", county).queryParam("limit", 2)
                .queryParam("cursor", (String) first.path("missing_cursor")).get("/api/v1/health-reports/compliance")
                .then().statusCode(200).body("missing", hasSize(1))
                .body("missing[0].enterprise_id", org.hamcrest.Matchers.not(org.hamcrest.Matchers.in(firstIds)));
        assertThat(TestJwt.ISSUER).isNotBlank();
    }
}
