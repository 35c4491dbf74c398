package org.fugong.launcher;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;

import org.fugong.platform.standards.Uscc;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A living system for newcomers: three dozen organisations in Hubei, Zhejiang and Guangdong with
 * risk levels, resumption filings, reports and daily health reports, loaded through the public API
 * exactly as a client would; then the hospitals, banks, government body and enterprises that the
 * supply, logistics and finance stories are about.
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
    record Organisation(UUID id, String kind, String name, String county, String industry, String uscc) {
    }

    /*
     * The organisations the logistics and finance stories are about, registered after the generated
     * ones with figures chosen so the registry classifies them as the stories need. The names are
     * made up.
     */
    /** A Zhejiang auto parts maker, SMALL: finances its receivable, brings workers back from Henan. */
    static final String PARTS_MAKER = "宁波北仑精密汽车零部件有限公司";
    /** A central SOE carmaker, LARGE: owes the parts maker and confirms it. */
    static final String CENTRAL_SOE = "华夏汽车集团有限公司";
    /** The two banks that bid for the parts maker's receivable. */
    static final String YONGJIANG_BANK = "宁波甬江银行股份有限公司";
    static final String ZHIJIANG_BANK = "浙江之江商业银行股份有限公司";
    /** The Hubei bank of the mask maker's special-relending loan. */
    static final String HUBEI_BANK = "湖北普惠银行";
    /** A Hubei mask maker, SMALL and on the white list of key enterprises. */
    static final String MASK_MAKER = "仙桃市汉江无纺布制品有限公司";
    /** A local government body that owes a contractor. */
    static final String GOVERNMENT_BODY = "宁波市北仑区住房和城乡建设局";
    /** A Ningbo contractor, SMALL, that claims its arrears from the government body. */
    static final String CONTRACTOR = "宁波北仑港城市政工程有限公司";
    private static final String BEILUN = "330206";
    /** The label of the parts maker's demo key, which the logistics and finance stories share. */
    static final String PARTS_MAKER_KEY = "ENTERPRISE parts maker (Ningbo)";

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
                Organisation enterprise = register(admin, "ENTERPRISE", name, place.county(), industry,
                        n % 5 == 0 ? "LOCAL_SOE" : "PRIVATE", employees, revenue, n);
                registered.add(enterprise);
                UUID id = enterprise.id();
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
        registered.add(register(admin, "HEALTH_INSTITUTION", "武汉市金银潭医院", "420105",
                "HEALTHCARE_SERVICES", "LOCAL_SOE", 1200, "850000000.00", ++n));
        registered.add(register(admin, "HEALTH_INSTITUTION", "浙江大学医学院附属第一医院", "330102",
                "HEALTHCARE_SERVICES", "LOCAL_SOE", 6000, "9000000000.00", ++n));
        registered.add(register(admin, "FINANCIAL_INSTITUTION", HUBEI_BANK, "420106", "FINANCIAL_SERVICES",
                "LOCAL_SOE", 3000, "5000000000.00", ++n));
        registered.add(register(admin, "ENTERPRISE", PARTS_MAKER, BEILUN, "AUTO_PARTS", "PRIVATE", 260,
                "86000000.00", ++n));
        registered.add(register(admin, "ENTERPRISE", CENTRAL_SOE, "110105", "AUTOMOBILES", "CENTRAL_SOE", 42000,
                "180000000000.00", ++n));
        registered.add(register(admin, "FINANCIAL_INSTITUTION", YONGJIANG_BANK, "330203", "FINANCIAL_SERVICES",
                "LOCAL_SOE", 5200, "21000000000.00", ++n));
        registered.add(register(admin, "FINANCIAL_INSTITUTION", ZHIJIANG_BANK, "330106", "FINANCIAL_SERVICES",
                "PRIVATE", 3100, "9800000000.00", ++n));
        Organisation maskMaker = register(admin, "ENTERPRISE", MASK_MAKER, "429004", "PROTECTIVE_GEAR", "PRIVATE",
                160, "28600000.00", ++n);
        registered.add(maskMaker);
        // On the white list, as the key epidemic-prevention enterprises of February 2020 were put on theirs.
        admin.put("/api/v1/enterprises/" + maskMaker.id() + "/key-enterprise", Map.of("key_enterprise", true), 200);
        // The registry's ownership has no value for an organ of the state: local state ownership is the nearest.
        registered.add(register(admin, "GOVERNMENT_BODY", GOVERNMENT_BODY, BEILUN, "PUBLIC_ADMINISTRATION",
                "LOCAL_SOE", 120, "0.00", ++n));
        registered.add(register(admin, "ENTERPRISE", CONTRACTOR, BEILUN, "CONSTRUCTION", "PRIVATE", 85,
                "24000000.00", ++n));
        return registered;
    }

    private static Organisation register(RestClient admin, String kind, String name, String county, String industry,
            String ownership, int employees, String revenue, int n) throws Exception {
        // GB 32100-2015: 11 for an organ of the state (registered by the establishment authorities), 91 for a company.
        String uscc = kind.equals("GOVERNMENT_BODY") ? uscc("11", county, n) : uscc(county, n);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", kind);
        body.put("name", name);
        body.put("uscc", uscc);
        body.put("region_code", county);
        body.put("industry", industry);
        body.put("ownership", ownership);
        body.put("employees", employees);
        body.put("annual_revenue", revenue);
        body.put("contact", Map.of("name", "张经理", "phone", "1380000" + String.format("%04d", n)));
        UUID id = UUID.fromString(admin.post("/api/v1/enterprises", body).get("id").asText());
        return new Organisation(id, kind, name, county, industry, uscc);
    }

    /** The organisation of {@code organisations} named {@code name}. */
    static Organisation named(List<Organisation> organisations, String name) {
        return find(organisations, o -> o.name().equals(name));
    }

    /** The first of {@code organisations} that {@code wanted} accepts. */
    static Organisation find(List<Organisation> organisations, Predicate<Organisation> wanted) {
        return organisations.stream().filter(wanted).findFirst()
                .orElseThrow(() -> new IllegalStateException("demo organisation missing"));
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
        return uscc("91", county, n);
    }

    /** A valid code of the registration authority and type {@code authorityAndType} (two characters). */
    private static String uscc(String authorityAndType, String county, int n) {
        String serial = String.format("%09d", 100_000_000 + n * 7_654_321L % 900_000_000);
        return Uscc.withCheckCharacter(authorityAndType + county + serial);
    }
}
