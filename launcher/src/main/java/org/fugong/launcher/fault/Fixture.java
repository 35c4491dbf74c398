package org.fugong.launcher.fault;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.fugong.launcher.RestClient;
import org.fugong.platform.standards.ResidentId;
import org.fugong.platform.standards.Uscc;

/**
 * Who the load writes as, made once through the gateway before any fault: Hubei's authority (it
 * registers), a maker (it offers, confirms and applies for financing), a hospital (it asks) and a
 * bank (the lender the applications name, known to finance before the load), each with a key of the
 * partner tier (limits raised: a 429 is not what the suite is about), mask items of the run's own,
 * a finance policy of the run's own that every organisation the load registers qualifies for (so
 * the checker can count finance's match of each exactly once), a checkpoint in the load's county
 * with an officer's key, and an administrator key for the checker's reads. Made only once supply,
 * logistics and finance know the organisations, so that no write of the load is refused for want of
 * an event.
 */
record Fixture(String gatewayUrl, String admin, String authority, String maker, String hospital, String makerId,
        String hospitalId, String lenderId, String county, List<String> itemCodes, String policyId, String checkpointId,
        String officer) {

    /**
     * Mask items of the run's own that the offers and requests spread over: allocation locks an
     * item's open offers and requests, so one item would make every supply write wait for the last.
     */
    static final int ITEMS = 8;

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    static final String PROVINCE = "42";
    static final String COUNTY = "420111";
    private static final String TIER = "partner";

    static Fixture make(String gatewayUrl, String bootstrapAdminKey, String run) throws Exception {
        RestClient bootstrap = RestClient.withApiKey(gatewayUrl, bootstrapAdminKey);
        String admin = issue(bootstrap, Map.of("name", "fault checker " + run, "role", "ADMIN"));
        String authority = issue(bootstrap, Map.of("name", "fault authority " + run, "role", "AUTHORITY",
                "region_scope", PROVINCE));
        RestClient registrar = RestClient.withApiKey(gatewayUrl, authority);
        String makerId = register(registrar, "ENTERPRISE", "故障测试防护用品有限公司 " + run, "PROTECTIVE_GEAR", 1);
        String hospitalId = register(registrar, "HEALTH_INSTITUTION", "故障测试人民医院 " + run, "HEALTHCARE_SERVICES", 2);
        String lenderId = register(registrar, "FINANCIAL_INSTITUTION", "故障测试银行 " + run, "FINANCIAL_SERVICES", 3);
        String maker = issue(bootstrap, Map.of("name", "fault maker " + run, "role", "ENTERPRISE", "org_id", makerId));
        String hospital = issue(bootstrap, Map.of("name", "fault hospital " + run, "role", "HEALTH_INSTITUTION",
                "org_id", hospitalId));
        List<String> itemCodes = new java.util.ArrayList<>();
        for (int i = 0; i < ITEMS; i++) {
            String code = "FAULT_MASK_" + run.toUpperCase().replaceAll("[^A-Z0-9]", "_") + "_" + i;
            RestClient.withApiKey(gatewayUrl, admin).post("/api/v1/supply-items", Map.of("code", code,
                    "name", "Fault-suite masks " + run + " " + i, "name_zh", "医用防护口罩", "category", "PROTECTIVE_GEAR",
                    "unit", "carton", "required_standard", "GB 19083-2010"));
            itemCodes.add(code);
        }
        String policyId = RestClient.withApiKey(gatewayUrl, admin).post("/api/v1/policies", Map.of(
                "name", "Fault-suite relief " + run, "kind", "FEE_REDUCTION", "issuing_body", "故障测试局",
                "document_number", "故障〔2026〕" + run + "号", "grants", "Nothing: the fault suite counts its matches",
                "valid_from", "2020-02-01", "eligibility", Map.of("region_prefix", List.of(COUNTY))))
                .get("id").asText();
        String itemCode = itemCodes.get(0);
        LocalDate today = LocalDate.now(CHINA);
        // The first offer and request wait (409) until supply has learned of the maker and the hospital.
        RestClient.withApiKey(gatewayUrl, maker).postWhenKnown("/api/v1/supply-offers", Map.of("item_code", itemCode,
                "quantity", 100, "origin_region", COUNTY, "lot", "FIXTURE-" + run,
                "expiry_date", today.plusYears(2).toString(), "certificate", Map.of("standard", "GB 19083-2010",
                        "number", "械注准" + COUNTY + "0001", "valid_until", today.plusYears(1).toString())));
        RestClient.withApiKey(gatewayUrl, hospital).postWhenKnown("/api/v1/supply-requests", Map.of("item_code",
                itemCode, "quantity", 10, "urgency", "HIGH", "days_of_supply_left", 5));
        // Finance refuses (400) an application naming a lender it has not learned of: wait for both parties.
        RestClient checker = RestClient.withApiKey(gatewayUrl, admin);
        for (String organisation : List.of(makerId, lenderId)) {
            Instant deadline = Instant.now().plusSeconds(120);
            while (checker.call("GET", "/api/v1/policy-matches?enterprise_id=" + organisation, null).status() != 200) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("Finance never learned of " + organisation);
                }
                TimeUnit.MILLISECONDS.sleep(200); // finance learns from the registry's events
            }
        }
        RestClient.withApiKey(gatewayUrl, maker).postWhenKnown("/api/v1/financing-applications", application(lenderId,
                "FIXTURE-" + run));
        RestClient.withApiKey(gatewayUrl, maker).postWhenKnown("/api/v1/green-passes", pass("鄂A00000"));
        String checkpointId = registrar.post("/api/v1/checkpoints", Map.of("name", "故障测试检查站 " + run,
                "county_code", COUNTY, "kind", "CITY_ENTRANCE")).get("id").asText();
        String officer = issue(bootstrap, Map.of("name", "fault checkpoint officer " + run, "role", "CHECKPOINT",
                "region_scope", COUNTY));
        return new Fixture(gatewayUrl, admin, authority, maker, hospital, makerId, hospitalId, lenderId, COUNTY,
                List.copyOf(itemCodes), policyId, checkpointId, officer);
    }

    /** An enterprise of one load's own, with its key, that reports its health daily: its days are the load's alone. */
    record Reporter(String id, String key) {
    }

    /** Registers a load's reporting enterprise; registered ACTIVE, it may report at once. */
    Reporter reporter(String name) throws Exception {
        RestClient bootstrap = RestClient.withApiKey(gatewayUrl, admin);
        String id = register(RestClient.withApiKey(gatewayUrl, authority), "ENTERPRISE", "故障测试报告企业 " + name,
                "PROTECTIVE_GEAR", 4);
        return new Reporter(id, issue(bootstrap, Map.of("name", "fault reporter " + name, "role", "ENTERPRISE",
                "org_id", id)));
    }

    /**
     * A week's green pass for a truck of masks from the load's county to Wuhan's Jiang'an district:
     * medical supplies of an ESSENTIAL-tier maker, so the rule approves it at once and it has a code
     * to scan. The driver is from the county, with a valid resident ID number.
     */
    static Map<String, Object> pass(String plate) {
        LocalDate today = LocalDate.now(CHINA);
        String first17 = COUNTY + "19800101" + "013";
        return Map.of("plate", plate, "vehicle_type", "TRUCK", "driver", Map.of("name", "王师傅", "phone", "13900001111",
                        "id_number", first17 + ResidentId.checkCharacter(first17)),
                "cargo_category", "MEDICAL_SUPPLIES", "cargo_description", "Fault-suite masks, 40 cartons",
                "route", List.of(COUNTY, "420102"), "valid_from", today.toString(),
                "valid_until", today.plusDays(6).toString());
    }

    /** A working-capital loan the maker asks of the lender: every product is for ACTIVE SMEs, which it is. */
    static Map<String, Object> application(String lenderId, String purpose) {
        return Map.of("product", "WORKING_CAPITAL_LOAN", "amount", "500000.00", "term_months", 12,
                "purpose", "Fault-suite working capital " + purpose, "days_of_cash_left", 20,
                "lender_org_ids", List.of(lenderId));
    }

    private static String register(RestClient authority, String kind, String name, String industry, int serial)
            throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", kind);
        body.put("name", name);
        // codes of their own, far from the loads' (which count up from their base)
        body.put("uscc", Uscc.withCheckCharacter("91" + COUNTY + String.format("%09d",
                100_000_000 + (800_000_000L + System.nanoTime() % 1_000_000 * 10 + serial) * 7_654_321L % 900_000_000)));
        body.put("region_code", COUNTY);
        body.put("industry", industry);
        body.put("ownership", "PRIVATE");
        body.put("employees", 150);
        body.put("annual_revenue", "30000000.00");
        body.put("contact", Map.of("name", "李经理", "phone", "13800009999"));
        return authority.post("/api/v1/enterprises", body).get("id").asText();
    }

    private static String issue(RestClient admin, Map<String, String> key) throws Exception {
        Map<String, String> withTier = new LinkedHashMap<>(key);
        withTier.put("tier", TIER);
        return admin.post("/admin/api-keys", withTier).get("api_key").asText();
    }
}
