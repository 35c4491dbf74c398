package org.fugong.registry.support;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Builds organisations in a given state through the API. */
public final class Scenario {

    private Scenario() {
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
        Map<String, Object> r = new HashMap<>();
        r.put("report_date", "2020-03-10");
        r.put("employees_total", total);
        r.put("employees_returned", returned);
        r.put("capacity_utilisation", capacity);
        r.put("measures", Api.measures(true));
        Api.as(Api.enterprise(id)).body(r).post("/api/v1/enterprises/" + id + "/resumption-reports").then()
                .statusCode(201);
    }
}
