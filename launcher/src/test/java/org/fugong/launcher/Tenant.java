package org.fugong.launcher;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One province's organisations for the abuse tests, registered by its own authority: a maker, a
 * hospital, a bank and the maker's customer (the debtor of its receivable), with a key for every
 * role scoped to them (partner tier: the limits raised, so that no fuzz case or probe stops at a
 * 429 before the check it is for). {@link #withRecords()} adds one record of every kind the
 * tenant owns, through the API as its people would make them; another tenant's keys are the
 * intruders the scope probes send at them.
 */
final class Tenant {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    /** Rate limits raised for the suite: a probe that meets a 429 never reached the scope check. */
    static final String TIER = "partner";

    final String tag;
    final String province;
    final String county;
    final String enterpriseId;
    final String debtorId;
    final String hospitalId;
    final String lenderId;
    private final String debtorUscc;
    private final String itemCode;
    /** Role to the tenant's key of it; ADMIN is a key of its own too (an administrator has no tenant). */
    final Map<String, String> keys = new LinkedHashMap<>();
    /** The tenant's records: the path of each (as {@code /api/v1/<collection>/<id>}) by collection. */
    final Map<String, String> records = new LinkedHashMap<>();
    private final RunningSuite suite;

    private Tenant(RunningSuite suite, String tag, String province, String county) throws Exception {
        this.suite = suite;
        this.tag = tag;
        this.province = province;
        this.county = county;
        keys.put("AUTHORITY", issue(Map.of("name", "authority " + tag, "role", "AUTHORITY", "region_scope", province)));
        RestClient authority = as("AUTHORITY");
        enterpriseId = register(authority, "ENTERPRISE", "防护用品有限公司", "PROTECTIVE_GEAR", null);
        debtorUscc = suite.uscc(county);
        debtorId = register(authority, "ENTERPRISE", "汽车集团有限公司", "AUTOMOBILES", debtorUscc);
        hospitalId = register(authority, "HEALTH_INSTITUTION", "人民医院", "HEALTHCARE_SERVICES", null);
        lenderId = register(authority, "FINANCIAL_INSTITUTION", "农村商业银行", "FINANCIAL_SERVICES", null);
        keys.put("ENTERPRISE", issue(Map.of("name", "maker " + tag, "role", "ENTERPRISE", "org_id", enterpriseId)));
        keys.put("HEALTH_INSTITUTION", issue(Map.of("name", "hospital " + tag, "role", "HEALTH_INSTITUTION",
                "org_id", hospitalId)));
        keys.put("LENDER", issue(Map.of("name", "bank " + tag, "role", "LENDER", "org_id", lenderId)));
        keys.put("CHECKPOINT", issue(Map.of("name", "checkpoint " + tag, "role", "CHECKPOINT", "region_scope", county)));
        keys.put("READER", issue(Map.of("name", "reader " + tag, "role", "READER")));
        keys.put("ADMIN", issue(Map.of("name", "administrator " + tag, "role", "ADMIN")));
        itemCode = "ABUSE_ITEM_" + tag;
        records.put("enterprises", "/api/v1/enterprises/" + enterpriseId);
    }

    /** The tenant's organisations and keys, no records yet. */
    static Tenant of(RunningSuite suite, String tag, String province, String county) throws Exception {
        return new Tenant(suite, tag, province, county);
    }

    RestClient as(String role) {
        return RestClient.withApiKey(suite.gatewayUrl(), keys.get(role));
    }

    /**
     * One record of each kind the tenant's people make: a health report, a resumption filing, a
     * supply offer and the hospital's request it is allocated to, a green pass, a checkpoint of the
     * authority's, a receivable. Each waits (409) until its service has learned of the parties.
     */
    Tenant withRecords() throws Exception {
        LocalDate today = LocalDate.now(CHINA);
        RestClient maker = as("ENTERPRISE");
        String enterprise = "/api/v1/enterprises/" + enterpriseId;
        maker.put(enterprise + "/health-reports/" + today, Map.of("confirmed", 0, "suspected", 0, "fever", 0,
                "close_contacts", 0), 201);
        records.put("health-reports", enterprise + "/health-reports/" + today);
        JsonNode filing = maker.post(enterprise + "/resumption-filings", Map.of("planned_date",
                today.plusDays(3).toString(), "workforce", 80, "measures", Map.of("ventilation", true, "disinfection", true,
                        "temperature_checks", true, "sanitary_facilities", true, "health_monitoring", true,
                        "emergency_plan", true)));
        records.put("resumption-filings", enterprise + "/resumption-filings/" + filing.get("id").asText());

        suite.admin().post("/api/v1/supply-items", Map.of("code", itemCode, "name", "Abuse-suite masks " + tag,
                "name_zh", "医用防护口罩", "category", "PROTECTIVE_GEAR", "unit", "carton",
                "required_standard", "GB 19083-2010"));
        JsonNode offer = maker.postWhenKnown("supply knows maker " + tag, "/api/v1/supply-offers", Map.of(
                "item_code", itemCode, "quantity", 500, "origin_region", county, "lot", "AB-" + tag,
                "expiry_date", today.plusYears(2).toString(), "certificate", Map.of("standard", "GB 19083-2010",
                        "number", "械注准2020" + tag, "valid_until", today.plusYears(1).toString())));
        records.put("supply-offers", "/api/v1/supply-offers/" + offer.get("id").asText());
        RestClient hospital = as("HEALTH_INSTITUTION");
        JsonNode request = hospital.postWhenKnown("supply knows hospital " + tag, "/api/v1/supply-requests",
                Map.of("item_code", itemCode, "quantity", 20, "urgency", "CRITICAL", "days_of_supply_left", 5));
        records.put("supply-requests", "/api/v1/supply-requests/" + request.get("id").asText());
        JsonNode allocations = hospital.get("/api/v1/allocations?request_id=" + request.get("id").asText()).get("items");
        if (allocations.isEmpty()) {
            throw new IllegalStateException("Tenant " + tag + ": the request was not allocated: " + request);
        }
        records.put("allocations", "/api/v1/allocations/" + allocations.get(0).get("id").asText());

        String first17 = "42900419780312041";
        JsonNode pass = maker.postWhenKnown("logistics knows maker " + tag, "/api/v1/green-passes", Map.of(
                "plate", "鄂A" + (10000 + Math.abs(tag.hashCode()) % 89999), "vehicle_type", "TRUCK",
                "driver", Map.of("name", "王建国", "phone", "13907231234", "id_number",
                        first17 + org.fugong.platform.standards.ResidentId.checkCharacter(first17)),
                "cargo_category", "MEDICAL_SUPPLIES", "cargo_description", "masks for the abuse suite " + tag,
                // to a county of the same province: Dongxihu (Wuhan) or Shangcheng (Hangzhou)
                "route", List.of(county, province.equals("42") ? "420112" : "330102"), "valid_from", today.toString(), "valid_until", today.plusDays(3).toString()));
        records.put("green-passes", "/api/v1/green-passes/" + pass.get("id").asText());
        JsonNode checkpoint = as("AUTHORITY").post("/api/v1/checkpoints", Map.of("name", "abuse checkpoint " + tag,
                "county_code", county, "kind", "EXPRESSWAY_TOLL_STATION"));
        records.put("checkpoints", "/api/v1/checkpoints/" + checkpoint.get("id").asText());

        // Finance answers an unknown debtor with a 400, not a 409: wait until it has learned of both.
        for (String party : List.of(enterpriseId, debtorId)) {
            Eventually.await("finance knows " + party + " of tenant " + tag, () -> suite.admin().call("GET",
                    "/api/v1/policy-matches?enterprise_id=" + party, null), answer -> answer.status() == 200);
        }
        JsonNode receivable = maker.postWhenKnown("finance knows maker and debtor " + tag, "/api/v1/receivables",
                Map.of("debtor_uscc", debtorUscc, "invoice_number", "3302201130-" + (10_000_000 + Math.abs(tag.hashCode()) % 89_999_999),
                        "amount", "125000.00", "issue_date", today.minusDays(10).toString(),
                        "due_date", today.plusDays(50).toString()));
        records.put("receivables", "/api/v1/receivables/" + receivable.get("id").asText());
        return this;
    }

    private String register(RestClient authority, String kind, String name, String industry, String uscc)
            throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", kind);
        body.put("name", tag + name);
        body.put("uscc", uscc != null ? uscc : suite.uscc(county));
        body.put("region_code", county);
        body.put("industry", industry);
        body.put("ownership", "PRIVATE");
        body.put("employees", 150);
        body.put("annual_revenue", "30000000.00");
        body.put("contact", Map.of("name", "李经理", "phone", "13800009999"));
        return authority.post("/api/v1/enterprises", body).get("id").asText();
    }

    private String issue(Map<String, String> key) throws Exception {
        Map<String, String> withTier = new LinkedHashMap<>(key);
        withTier.put("tier", TIER);
        return suite.admin().post("/admin/api-keys", withTier).get("api_key").asText();
    }
}
