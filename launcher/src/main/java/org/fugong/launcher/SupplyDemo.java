package org.fugong.launcher;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Supply on top of the registry's demo: masks offered in Wuhan (one lot without its certificate),
 * Ningbo and Shenzhen, and Jinyintan hospital's critical request, served from the nearest
 * certified stock while the uncertified lot is passed over.
 */
final class SupplyDemo {

    private static final String MASK = "MASK_MEDICAL_PROTECTIVE";

    private SupplyDemo() {
    }

    /** What the supply demo leaves: the hospital's CRITICAL request (which logistics ships) and its story. */
    record Loaded(String criticalRequestId, Story story) {
    }

    static Loaded load(DirectClient supply, List<DemoData.Organisation> organisations) throws Exception {
        DemoData.Organisation wuhanMedical = DemoData.find(organisations, o -> o.county().equals("420102")
                && o.industry().equals("MEDICAL_SUPPLIES"));
        DemoData.Organisation wuhanGear = DemoData.find(organisations, o -> o.county().equals("420102")
                && o.industry().equals("PROTECTIVE_GEAR"));
        DemoData.Organisation ningbo = DemoData.find(organisations, o -> o.county().equals("330212")
                && o.industry().equals("PROTECTIVE_GEAR"));
        DemoData.Organisation shenzhen = DemoData.find(organisations, o -> o.county().equals("440306")
                && o.industry().equals("PROTECTIVE_GEAR"));
        DemoData.Organisation jinyintan = DemoData.find(organisations, o -> o.name().equals("武汉市金银潭医院"));
        DemoData.Organisation zheyi = DemoData.find(organisations, o -> o.county().equals("330102"));

        LocalDate today = LocalDate.now();
        offer(supply.of(wuhanMedical, wuhanMedical.kind()), wuhanMedical, 50_000, today.plusMonths(18), true);
        offer(supply.of(wuhanGear, wuhanGear.kind()), wuhanGear, 300_000, today.plusMonths(24), false);
        offer(supply.of(ningbo, ningbo.kind()), ningbo, 200_000, today.plusMonths(20), true);
        offer(supply.of(shenzhen, shenzhen.kind()), shenzhen, 100_000, today.plusMonths(12), true);
        request(supply.of(zheyi, zheyi.kind()), 30_000, "HIGH", 6);
        JsonNode critical = request(supply.of(jinyintan, jinyintan.kind()), 120_000, "CRITICAL", 2);
        String requestId = critical.get("id").asText();
        return new Loaded(requestId, new Story("Supply (docs/supply.md)")
                .line("武汉市金银潭医院 asked for 120,000 medical protective masks (CRITICAL): "
                        + critical.get("allocated").asLong()
                        + " allocated from certified stock; the uncertified Wuhan lot was passed over")
                .look("The hospital's allocations", Story.ADMIN, "/api/v1/allocations?request_id=" + requestId));
    }

    private static void offer(RestClient supplier, DemoData.Organisation who, long quantity, LocalDate expiry,
            boolean certified) throws Exception {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("item_code", MASK, "quantity", quantity,
                "origin_region", who.county(), "lot", "L" + LocalDate.now().toString().replace("-", ""),
                "expiry_date", expiry.toString()));
        if (certified) {
            body.put("certificate", Map.of("standard", "GB 19083-2010", "number", "械注准" + who.county() + "0001",
                    "valid_until", LocalDate.now().plusYears(2).toString()));
        }
        supplier.postWhenKnown("/api/v1/supply-offers", body);
    }

    private static JsonNode request(RestClient hospital, long quantity, String urgency, int daysLeft) throws Exception {
        return hospital.postWhenKnown("/api/v1/supply-requests", Map.of("item_code", MASK, "quantity", quantity,
                "urgency", urgency, "days_of_supply_left", daysLeft));
    }
}
