package org.fugong.launcher;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import java.util.function.Predicate;

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

    /** @return a line describing what the hospital's request received */
    static String load(RestClient supply, List<DemoData.Organisation> organisations,
            Function<DemoData.Organisation, String> token) throws Exception {
        DemoData.Organisation wuhanMedical = find(organisations, o -> o.county().equals("420102")
                && o.industry().equals("MEDICAL_SUPPLIES"));
        DemoData.Organisation wuhanGear = find(organisations, o -> o.county().equals("420102")
                && o.industry().equals("PROTECTIVE_GEAR"));
        DemoData.Organisation ningbo = find(organisations, o -> o.county().equals("330212")
                && o.industry().equals("PROTECTIVE_GEAR"));
        DemoData.Organisation shenzhen = find(organisations, o -> o.county().equals("440306")
                && o.industry().equals("PROTECTIVE_GEAR"));
        DemoData.Organisation jinyintan = find(organisations, o -> o.name().equals("武汉市金银潭医院"));
        DemoData.Organisation zheyi = find(organisations, o -> o.county().equals("330102"));

        LocalDate today = LocalDate.now();
        offer(supply.as(token.apply(wuhanMedical)), wuhanMedical, 50_000, today.plusMonths(18), true);
        offer(supply.as(token.apply(wuhanGear)), wuhanGear, 300_000, today.plusMonths(24), false);
        offer(supply.as(token.apply(ningbo)), ningbo, 200_000, today.plusMonths(20), true);
        offer(supply.as(token.apply(shenzhen)), shenzhen, 100_000, today.plusMonths(12), true);
        request(supply.as(token.apply(zheyi)), 30_000, "HIGH", 6);
        JsonNode critical = request(supply.as(token.apply(jinyintan)), 120_000, "CRITICAL", 2);
        return "武汉市金银潭医院 asked for 120,000 medical protective masks (CRITICAL): " + critical.get("allocated").asLong()
                + " allocated from certified stock; the uncertified Wuhan lot was passed over. See "
                + "/api/v1/allocations?request_id=" + critical.get("id").asText();
    }

    private static DemoData.Organisation find(List<DemoData.Organisation> organisations,
            Predicate<DemoData.Organisation> wanted) {
        return organisations.stream().filter(wanted).findFirst()
                .orElseThrow(() -> new IllegalStateException("demo organisation missing"));
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
        postWhenKnown(supplier, "/api/v1/supply-offers", body);
    }

    private static JsonNode request(RestClient hospital, long quantity, String urgency, int daysLeft) throws Exception {
        return postWhenKnown(hospital, "/api/v1/supply-requests", Map.of("item_code", MASK, "quantity", quantity,
                "urgency", urgency, "days_of_supply_left", daysLeft));
    }

    /** Supply learns of organisations from the registry's events: until it has, it answers 409. */
    private static JsonNode postWhenKnown(RestClient client, String path, Object body) throws Exception {
        Instant deadline = Instant.now().plusSeconds(60);
        while (true) {
            RestClient.Answer answer = client.tryPost(path, body);
            if (answer.status() == 201) {
                return answer.body();
            }
            if (answer.status() != 409 || Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("POST " + path + " answered " + answer.status() + ": " + answer.body());
            }
            LockSupport.parkNanos(Duration.ofMillis(250).toNanos());
        }
    }

}
