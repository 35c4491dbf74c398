package org.fugong.registry.support;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Builds organisations in a given state through the API. */
public final class Scenario {

    private Scenario() {
    }

    /** Suspends and reinstates through an administrator: a RESUMING or RESUMED organisation is left HALTED. */
    public static void suspend(UUID id) {
        Api.as(Api.admin()).header("If-Match", "*").body(Map.of("status", "SUSPENDED", "reason", "Confirmed case"))
                .put("/api/v1/enterprises/" + id + "/status").then().statusCode(200);
    }

    public static void reinstate(UUID id) {
        Api.as(Api.admin()).header("If-Match", "*").body(Map.of("status", "ACTIVE"))
                .put("/api/v1/enterprises/" + id + "/status").then().statusCode(200);
    }

    public static UUID enterprise(String county, String industry) {
        Map<String, Object> body = Api.enterpriseBody();
        body.put("region_code", county);
        body.put("industry", industry);
        return Api.register(body);
    }

    /** An enterprise whose filing was approved at once: the county must be LOW. */
    public static UUID resuming(String county, String industry) {
        UUID id = enterprise(county, industry);
        Api.as(Api.enterprise(id)).body(Map.of("planned_date", "2020-03-02", "workforce", 100, "measures",
                Api.measures(true))).post("/api/v1/enterprises/" + id + "/resumption-filings").then().statusCode(201);
        return id;
    }

    public static void report(UUID id, int total, int returned, String capacity) {
        report(id, "2020-03-10", total, returned, capacity);
    }

    public static void report(UUID id, String date, int total, int returned, String capacity) {
        Map<String, Object> r = new HashMap<>();
        r.put("report_date", date);
        r.put("employees_total", total);
        r.put("employees_returned", returned);
        r.put("capacity_utilisation", capacity);
        r.put("measures", Api.measures(true));
        Api.as(Api.enterprise(id)).body(r).post("/api/v1/enterprises/" + id + "/resumption-reports").then()
                .statusCode(201);
    }
}
