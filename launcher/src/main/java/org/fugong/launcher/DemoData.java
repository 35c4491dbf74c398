package org.fugong.launcher;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.fugong.platform.standards.Uscc;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A living system for newcomers: three dozen organisations in Hubei, Zhejiang and Guangdong with
 * risk levels, resumption filings, reports and daily health reports, loaded through the public API
 * exactly as a client would.
 */
final class DemoData {

    /** A county, its name, and the industries of the enterprises placed there. */
    private record Place(String county, String city, List<String> industries) {
    }

    private static final List<Place> PLACES = List.of(
            new Place("420102", "武汉", List.of("MEDICAL_SUPPLIES", "PROTECTIVE_GEAR", "FOOD")),
            new Place("420106", "武汉", List.of("PHARMACEUTICALS", "AUTOMOBILES")),
            new Place("420111", "武汉", List.of("INTEGRATED_CIRCUITS", "DISPLAYS")),
            new Place("420115", "武汉", List.of("AUTO_PARTS", "TEXTILES")),
            new Place("420502", "宜昌", List.of("AGRICULTURAL_INPUTS", "CHEMICALS")),
            new Place("420606", "襄阳", List.of("AUTOMOBILES", "DAILY_NECESSITIES")),
            new Place("330106", "杭州", List.of("MEDICAL_SUPPLIES", "FIVE_G", "RETAIL")),
            new Place("330108", "杭州", List.of("INDUSTRIAL_INTERNET", "ELECTRONICS")),
            new Place("330212", "宁波", List.of("PROTECTIVE_GEAR", "SHIPBUILDING", "TEXTILES")),
            new Place("330302", "温州", List.of("MACHINE_TOOLS", "DAILY_NECESSITIES")),
            new Place("440305", "深圳", List.of("ELECTRONIC_COMPONENTS", "INDUSTRIAL_ROBOTS", "LITHIUM_BATTERIES")),
            new Place("440306", "深圳", List.of("PROTECTIVE_GEAR", "NEW_ENERGY_VEHICLES")),
            new Place("440106", "广州", List.of("PHARMACEUTICALS", "HOSPITALITY")),
            new Place("441900", "东莞", List.of("ELECTRONICS", "MEDICAL_SUPPLIES", "TEXTILES")),
            new Place("440604", "佛山", List.of("POWER_EQUIPMENT", "FOOD")));

    private static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry("MEDICAL_SUPPLIES", "医疗器械"), Map.entry("PROTECTIVE_GEAR", "防护用品"),
            Map.entry("FOOD", "食品"), Map.entry("PHARMACEUTICALS", "制药"), Map.entry("AUTOMOBILES", "汽车"),
            Map.entry("INTEGRATED_CIRCUITS", "集成电路"), Map.entry("DISPLAYS", "显示科技"),
            Map.entry("AUTO_PARTS", "汽车零部件"), Map.entry("TEXTILES", "纺织"), Map.entry("AGRICULTURAL_INPUTS", "农资"),
            Map.entry("CHEMICALS", "化工"), Map.entry("DAILY_NECESSITIES", "日用品"), Map.entry("FIVE_G", "通信"),
            Map.entry("RETAIL", "商贸"), Map.entry("INDUSTRIAL_INTERNET", "工业互联网"), Map.entry("ELECTRONICS", "电子"),
            Map.entry("SHIPBUILDING", "船舶"), Map.entry("MACHINE_TOOLS", "机床"),
            Map.entry("ELECTRONIC_COMPONENTS", "电子元件"), Map.entry("INDUSTRIAL_ROBOTS", "机器人"),
            Map.entry("LITHIUM_BATTERIES", "锂电池"), Map.entry("NEW_ENERGY_VEHICLES", "新能源汽车"),
            Map.entry("HOSPITALITY", "酒店管理"), Map.entry("POWER_EQUIPMENT", "电力设备"));

    /** An organisation the demo registered. */
    record Organisation(UUID id, String kind, String name, String county, String industry) {
    }

    private DemoData() {
    }

    /**
     * Loads the demo unless the registry already holds organisations.
     *
     * @return what it registered, empty when the demo was loaded before
     */
    static List<Organisation> load(RestClient admin, Function<UUID, String> enterpriseToken) throws Exception {
        JsonNode existing = admin.get("/api/v1/enterprises?limit=1");
        if (existing.get("items").size() > 0) {
            return List.of();
        }
        List<Organisation> registered = new java.util.ArrayList<>();
        // Risk as of late February 2020: Wuhan high, the rest of Hubei medium, Shenzhen medium.
        setRisk(admin, "420000", "MEDIUM", "Hubei: new cases in the past 14 days");
        setRisk(admin, "420100", "HIGH", "Wuhan: more than 50 cases and clusters in the past 14 days");
        setRisk(admin, "440300", "MEDIUM", "Shenzhen: new imported cases in the past 14 days");

        int n = 0;
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        for (Place place : PLACES) {
            for (String industry : place.industries()) {
                n++;
                int employees = 15 + (n * 137) % 2400;
                String revenue = (2_000_000L + (n * 7_919_000L) % 900_000_000L) + ".00";
                String name = place.city() + WORDS.get(industry) + (n % 3 == 0 ? "股份" : "") + "有限公司";
                UUID id = register(admin, "ENTERPRISE", name, place.county(), industry,
                        n % 5 == 0 ? "LOCAL_SOE" : "PRIVATE", employees, revenue, n);
                registered.add(new Organisation(id, "ENTERPRISE", name, place.county(), industry));
                RestClient self = admin.as(enterpriseToken.apply(id));
                boolean allMeasures = n % 4 != 0;
                JsonNode filing = self.post("/api/v1/enterprises/" + id + "/resumption-filings", Map.of(
                        "planned_date", today.minusDays(20).toString(), "workforce", Math.max(1, employees * 8 / 10),
                        "measures", measures(allMeasures)));
                String status = filing.get("status").asText();
                if (status.equals("PENDING_REVIEW") && n % 2 == 0) {
                    admin.put("/api/v1/enterprises/" + id + "/resumption-filings/" + filing.get("id").asText()
                            + "/decision", Map.of("decision", "APPROVED", "note", "Site inspected"), 200);
                    status = "APPROVED";
                }
                if (!status.equals("APPROVED")) {
                    continue;
                }
                int capacity = 30 + (n * 17) % 70;
                self.post("/api/v1/enterprises/" + id + "/resumption-reports", Map.of(
                        "report_date", today.minusDays(1).toString(), "employees_total", employees,
                        "employees_returned", employees * capacity / 100, "capacity_utilisation", String.valueOf(capacity),
                        "measures", measures(true)));
                if (n % 6 != 0) { // some have not reported today: the compliance view shows them missing
                    int confirmed = n == 8 ? 1 : 0;
                    self.put("/api/v1/enterprises/" + id + "/health-reports/" + today, Map.of("confirmed", confirmed,
                            "suspected", n % 7 == 0 ? 1 : 0, "fever", n % 5 == 0 ? 2 : 0, "close_contacts",
                            confirmed * 12), 201);
                }
            }
        }
        registered.add(new Organisation(register(admin, "HEALTH_INSTITUTION", "武汉市金银潭医院", "420105",
                "HEALTHCARE_SERVICES", "LOCAL_SOE", 1200, "850000000.00", ++n), "HEALTH_INSTITUTION", "武汉市金银潭医院",
                "420105", "HEALTHCARE_SERVICES"));
        registered.add(new Organisation(register(admin, "HEALTH_INSTITUTION", "浙江大学医学院附属第一医院", "330102",
                "HEALTHCARE_SERVICES", "LOCAL_SOE", 6000, "9000000000.00", ++n), "HEALTH_INSTITUTION",
                "浙江大学医学院附属第一医院", "330102", "HEALTHCARE_SERVICES"));
        register(admin, "FINANCIAL_INSTITUTION", "湖北普惠银行", "420106", "FINANCIAL_SERVICES", "LOCAL_SOE", 3000,
                "5000000000.00", ++n);
        return registered;
    }

    private static UUID register(RestClient admin, String kind, String name, String county, String industry,
            String ownership, int employees, String revenue, int n) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", kind);
        body.put("name", name);
        body.put("uscc", uscc(county, n));
        body.put("region_code", county);
        body.put("industry", industry);
        body.put("ownership", ownership);
        body.put("employees", employees);
        body.put("annual_revenue", revenue);
        body.put("contact", Map.of("name", "张经理", "phone", "1380000" + String.format("%04d", n)));
        return UUID.fromString(admin.post("/api/v1/enterprises", body).get("id").asText());
    }

    private static void setRisk(RestClient admin, String code, String level, String reason) throws Exception {
        admin.put("/api/v1/regions/" + code + "/risk-level", Map.of("risk_level", level, "reason", reason), 200);
    }

    private static Map<String, Boolean> measures(boolean all) {
        return Map.of("ventilation", true, "disinfection", true, "temperature_checks", true,
                "sanitary_facilities", true, "health_monitoring", all, "emergency_plan", true);
    }

    /** A valid code: market regulation (9), company (1), the county, a serial, and the check character. */
    static String uscc(String county, int n) {
        String serial = String.format("%09d", 100_000_000 + n * 7_654_321L % 900_000_000);
        return Uscc.withCheckCharacter("91" + county + serial);
    }
}
