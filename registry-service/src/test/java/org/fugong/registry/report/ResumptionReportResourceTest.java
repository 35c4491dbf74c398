package org.fugong.registry.report;

import static org.fugong.testing.ProblemAssertions.problem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.fugong.registry.support.Api;
import org.fugong.registry.support.RegistryTest;
import org.fugong.registry.support.Scenario;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@RegistryTest
class ResumptionReportResourceTest {

    static UUID approvedEnterprise() {
        Map<String, Object> body = Api.enterpriseBody();
        body.put("region_code", "420205"); // left at LOW by every test
        UUID id = Api.register(body);
        Map<String, Object> plan = Map.of("planned_date", "2020-03-02", "workforce", 200, "measures", Api.measures(true));
        Api.as(Api.enterprise(id)).body(plan).post("/api/v1/enterprises/" + id + "/resumption-filings").then()
                .statusCode(201).body("status", equalTo("APPROVED"));
        return id;
    }

    static Map<String, Object> report(String date, int total, int returned, String capacity) {
        Map<String, Object> r = new HashMap<>();
        r.put("report_date", date);
        r.put("employees_total", total);
        r.put("employees_returned", returned);
        r.put("capacity_utilisation", capacity);
        r.put("measures", Api.measures(true));
        return r;
    }

    static String reports(UUID id) {
        return "/api/v1/enterprises/" + id + "/resumption-reports";
    }

    @Test
    void reportsDriveTheResumptionStatus() {
        UUID id = approvedEnterprise();
        String token = Api.enterprise(id);
        Api.as(token).body(report("2020-03-05", 200, 120, "55.5")).post(reports(id)).then().statusCode(201)
                .body("resumption_status", equalTo("RESUMING")).body("capacity_utilisation", equalTo("55.50"));
        Api.as(token).body(report("2020-03-12", 200, 190, "80")).post(reports(id)).then().statusCode(201)
                .body("resumption_status", equalTo("RESUMED"));
        Api.as(token).get("/api/v1/enterprises/" + id).then().body("resumption_status", equalTo("RESUMED"))
                .body("latest_report.employees_returned", equalTo(190))
                .body("latest_report.capacity_utilisation", equalTo("80.00"));
        // A late report for an earlier day is kept but does not roll the figures back.
        Api.as(token).body(report("2020-03-08", 200, 150, "60")).post(reports(id)).then().statusCode(201);
        Api.as(token).get("/api/v1/enterprises/" + id).then().body("resumption_status", equalTo("RESUMED"))
                .body("latest_report.report_date", equalTo("2020-03-12"));
        Api.as(Api.authority("42")).get(reports(id)).then().statusCode(200).body("items", hasSize(3));
    }

    @Test
    void reportingNeedsAnApprovedFiling() {
        UUID id = Api.register();
        problem(Api.as(Api.enterprise(id)).body(report("2020-03-05", 10, 5, "50")).post(reports(id)).then(), 409);
    }

    @Test
    void aSuspendedAndReinstatedEnterpriseNeedsANewApprovedFilingBeforeReporting() {
        UUID id = approvedEnterprise();
        String token = Api.enterprise(id);
        Api.as(token).body(report("2020-03-05", 200, 190, "85")).post(reports(id)).then().statusCode(201)
                .body("resumption_status", equalTo("RESUMED"));
        Scenario.suspend(id);
        Scenario.reinstate(id);
        Api.as(token).get("/api/v1/enterprises/" + id).then().body("resumption_status", equalTo("HALTED"));
        // The plan approved before the suspension does not restart it.
        problem(Api.as(token).body(report("2020-03-12", 200, 150, "60")).post(reports(id)).then(), 409);
        Api.as(token).get("/api/v1/enterprises/" + id).then().body("resumption_status", equalTo("HALTED"))
                .body("latest_report.report_date", equalTo("2020-03-05"));

        Api.as(token).body(Map.of("planned_date", "2020-03-15", "workforce", 200, "measures", Api.measures(true)))
                .post("/api/v1/enterprises/" + id + "/resumption-filings").then().statusCode(201)
                .body("status", equalTo("APPROVED"));
        Api.as(token).get("/api/v1/enterprises/" + id).then().body("resumption_status", equalTo("RESUMING"));
        Api.as(token).body(report("2020-03-16", 200, 150, "60")).post(reports(id)).then().statusCode(201)
                .body("resumption_status", equalTo("RESUMING"));
    }

    @Test
    void anEnterpriseThatHaltedProductionNeedsANewApprovedFilingBeforeReporting() {
        UUID id = approvedEnterprise();
        String token = Api.enterprise(id);
        Api.as(token).body(report("2020-03-05", 200, 190, "85")).post(reports(id)).then().statusCode(201);
        Api.as(token).body(report("2020-03-06", 200, 0, "0")).post(reports(id)).then().statusCode(201)
                .body("resumption_status", equalTo("HALTED"));
        problem(Api.as(token).body(report("2020-03-07", 200, 100, "50")).post(reports(id)).then(), 409);
        Api.as(token).get("/api/v1/enterprises/" + id).then().body("resumption_status", equalTo("HALTED"));
    }

    @Test
    void inconsistentFiguresAre400() {
        UUID id = approvedEnterprise();
        String token = Api.enterprise(id);
        problem(Api.as(token).body(report("2020-03-05", 10, 11, "50")).post(reports(id)).then(), 400)
                .body("errors[0].field", equalTo("employees_returned"));
        problem(Api.as(token).body(report("2020-03-05", 10, 5, "100.01")).post(reports(id)).then(), 400)
                .body("errors[0].field", equalTo("capacity_utilisation"));
        problem(Api.as(token).body(report("2020-03-05", -1, 0, "10")).post(reports(id)).then(), 400)
                .body("errors[0].field", equalTo("employees_total"));
        problem(Api.as(token).body(report(LocalDate.now().plusDays(3).toString(), 10, 5, "10")).post(reports(id))
                .then(), 400).body("errors[0].field", equalTo("report_date"));
        problem(Api.as(token).body(report("2020-03-05", 10, 5, "ten")).post(reports(id)).then(), 400)
                .body("errors[0].field", equalTo("capacity_utilisation"));
    }

    @Test
    void othersCannotReportOrRead() {
        UUID id = approvedEnterprise();
        UUID other = Api.register();
        problem(Api.as(Api.enterprise(other)).body(report("2020-03-05", 10, 5, "50")).post(reports(id)).then(), 404);
        problem(Api.as(Api.enterprise(other)).get(reports(id)).then(), 404);
        problem(Api.as(Api.authority("42")).body(report("2020-03-05", 10, 5, "50")).post(reports(id)).then(), 403);
        problem(Api.as(Api.reader()).get(reports(id)).then(), 403);
        problem(Api.as(Api.enterprise(id)).get(reports(id) + "/" + UUID.randomUUID()).then(), 404);
    }
}
