package org.fugong.launcher;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import org.fugong.devstack.DevJwt;
import org.fugong.platform.standards.ResidentId;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Logistics on top of the supply demo: green passes of priority enterprises approved at once by the
 * rule and one left for an authority's review; a checkpoint on the Hubei–Hunan border whose scans
 * record waiting times; the masks allocated to Jinyintan hospital from outside Wuhan (Shenzhen's)
 * confirmed, shipped and delivered; a charter bus bringing a Ningbo parts maker's workers back from
 * a Henan county.
 */
final class LogisticsDemo {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    /** 赤壁市, where G4 京港澳高速 crosses from Hunan into Hubei: the checkpoint's county. */
    private static final String CHIBI = "421281";
    private static final String HUNAN = "430000";
    private static final String ANHUI = "340000";
    /** 信阳市浉河区, Henan: where the parts maker's workers come back from. */
    private static final String XINYANG = "411502";
    private static final String WUHAN = "4201";
    private static final String PASSES = "/api/v1/green-passes";
    private static final List<String> PASSENGERS = List.of("张伟", "王芳", "李强", "刘洋", "陈静", "杨磊", "赵敏", "黄勇",
            "周丽", "吴军", "徐涛", "孙燕");

    /** One vehicle through the border: the enterprise (county, industry) applying, the pass, and what its scan records. */
    private record Crossing(String county, String industry, String plate, String cargo, String description,
            List<String> route, int waitingMinutes, String temperature) {
    }

    /*
     * Priority cargo of ESSENTIAL and KEY_INDUSTRY enterprises, so the rule approves every pass at
     * once; only medical and livelihood cargo has an end in Wuhan (HIGH), which the rule allows.
     */
    private static final List<Crossing> CROSSINGS = List.of(
            new Crossing("440106", "PHARMACEUTICALS", "粤A6M2C8", "MEDICAL_SUPPLIES",
                    "Antiviral drugs and infusion sets for Wuhan's hospitals", List.of("440106", HUNAN, CHIBI, "420106"),
                    4, "36.5"),
            new Crossing("440604", "FOOD", "粤E3T7Q5", "LIVELIHOOD_GOODS", "Rice and cooking oil for Wuhan's supermarkets",
                    List.of("440604", HUNAN, CHIBI, "420102"), 6, "36.7"),
            new Crossing("440604", "POWER_EQUIPMENT", "粤E7P1X4", "KEY_INDUSTRY_PRODUCTS",
                    "Transformers for a Xiangyang substation", List.of("440604", HUNAN, CHIBI, "420606"), 3, "36.4"),
            new Crossing("420606", "AUTOMOBILES", "鄂F8K3L6", "KEY_INDUSTRY_PRODUCTS", "Engines for a Foshan assembly plant",
                    List.of("420606", CHIBI, HUNAN, "440604"), 12, "36.6"),
            new Crossing("420606", "DAILY_NECESSITIES", "鄂F2D9M7", "LIVELIHOOD_GOODS",
                    "Detergent and paper goods for Guangzhou", List.of("420606", CHIBI, HUNAN, "440106"), 22, "36.8"),
            new Crossing("420502", "AGRICULTURAL_INPUTS", "鄂E5R2N9", "AGRICULTURAL_INPUTS",
                    "Compound fertiliser for spring sowing in Yueyang", List.of("420502", CHIBI, "430602"), 17, "37.6"),
            new Crossing("440305", "ELECTRONIC_COMPONENTS", "粤B6H4W2", "COMPONENTS",
                    "Engine control units for a Xiangyang carmaker", List.of("440305", HUNAN, CHIBI, "420606"), 31, "36.3"));

    private LogisticsDemo() {
    }

    /** @param criticalRequestId Jinyintan hospital's request in the supply demo, whose Shenzhen allocation is shipped */
    static Story load(DirectClient logistics, DirectClient supply, List<DemoData.Organisation> organisations,
            String criticalRequestId) throws Exception {
        LocalDate today = LocalDate.now(CHINA);
        RestClient hubei = logistics.as(DevJwt.as("AUTHORITY").subject("demo-hubei-authority").regionScope("42"));
        JsonNode checkpoint = hubei.post("/api/v1/checkpoints", Map.of("name", "G4 京港澳高速 鄂湘界 赤壁 (Hubei–Hunan border)",
                "county_code", CHIBI, "kind", "PROVINCIAL_BORDER"));
        Handheld handheld = new Handheld(checkpoint.get("id").asText(),
                logistics.as(DevJwt.as("CHECKPOINT").subject("demo-chibi-officer").regionScope(CHIBI)));

        List<String> codes = new ArrayList<>();
        for (Crossing crossing : CROSSINGS) {
            DemoData.Organisation applicant = DemoData.find(organisations,
                    o -> o.county().equals(crossing.county()) && o.industry().equals(crossing.industry()));
            LocalDate driverBorn = LocalDate.of(1970 + codes.size() * 3, 1 + codes.size(), 2);
            JsonNode pass = approved(logistics.of(applicant, "ENTERPRISE").postWhenKnown(PASSES, passBody(crossing.plate(),
                    "TRUCK", crossing.cargo(), crossing.description(), crossing.route(), driverBorn, today)));
            codes.add(pass.get("code").asText());
            handheld.scan(pass.get("code").asText(), crossing.plate(), crossing.waitingMinutes(), crossing.temperature());
        }
        // Two that a border sees too: a pass's code shown by another truck, and a code whose validity was edited.
        handheld.scan(codes.get(0), "粤A6M2C9", 14, "36.6");
        handheld.scan(extended(codes.get(3)), CROSSINGS.get(3).plate(), 11, "36.5");

        DemoData.Organisation chemicals = DemoData.find(organisations,
                o -> o.county().equals("420502") && o.industry().equals("CHEMICALS"));
        JsonNode pending = logistics.of(chemicals, "ENTERPRISE").postWhenKnown(PASSES, passBody("鄂E3C6V8", "TANKER",
                "PRODUCTION_MATERIALS", "Caustic soda for a Xiangyang paper mill", List.of("420502", "420606"),
                LocalDate.of(1983, 11, 20), today));

        JsonNode shipment = shipMasks(logistics, supply, organisations, criticalRequestId, handheld, today);
        JsonNode trip = bringWorkersBack(logistics, DemoData.named(organisations, DemoData.PARTS_MAKER), today);

        String passId = pending.get("id").asText();
        String shipmentPassId = shipment.get("green_pass_id").asText();
        return new Story("Logistics (docs/logistics.md)")
                .line(String.format("%d green passes of priority enterprises approved at once by the rule; one of a "
                        + "STANDARD-tier chemicals maker %s (%s)", CROSSINGS.size() + 1, pending.get("status").asText(),
                        pending.get("rule").asText()))
                .line(String.format("Checkpoint %s: %d scans with waiting times (one a code shown by the wrong truck, one "
                        + "forged; one driver flagged for a health check)", checkpoint.get("name").asText(), handheld.scans))
                .line(String.format("Shipment of %d masks from %s to 武汉市金银潭医院: vehicle assigned, pass issued, "
                        + "picked up, scanned at the border, %s with %d received (the rest is open demand again)",
                        shipment.get("quantity").asLong(), byId(organisations, shipment.get("supplier_id").asText()).name(),
                        shipment.get("status").asText(), shipment.get("received_quantity").asLong()))
                .line(String.format("Charter trip 信阳市浉河区 (Henan) → 宁波市北仑区: %d workers of %s, %s; its "
                        + "RETURNING_WORKERS pass reviewed and approved by Henan", trip.get("passengers").asInt(),
                        DemoData.PARTS_MAKER, trip.get("status").asText()))
                .key(DemoData.PARTS_MAKER_KEY, "ENTERPRISE", DemoData.named(organisations, DemoData.PARTS_MAKER).id(), null)
                .look("Passes with an end in Hubei", Story.HUBEI_AUTHORITY, PASSES + "?status=APPROVED")
                .look("The pass awaiting review (the rule that sent it there)", Story.HUBEI_AUTHORITY, PASSES + "/" + passId)
                .look("... approve it yourself", Story.HUBEI_AUTHORITY, "-X PUT -H 'Content-Type: application/json' -d "
                        + "'{\"outcome\":\"APPROVED\",\"reason\":\"Route checked with the Xiangyang office\"}'",
                        PASSES + "/" + passId + "/decision")
                .look("The border checkpoint's figures: waiting p50/p90/max, share through within 15 minutes",
                        Story.HUBEI_AUTHORITY, "/api/v1/checkpoints/" + handheld.checkpointId + "/stats")
                .look("The shipment with its tracking and proof of delivery", Story.HUBEI_AUTHORITY,
                        "/api/v1/shipments/" + shipment.get("id").asText())
                .look("Its pass as a QR image (zbarimg pass.png reads the code)", Story.HUBEI_AUTHORITY, "-o pass.png",
                        PASSES + "/" + shipmentPassId + "/qr.png")
                .look("The public key set that verifies every code offline", null, PASSES + "/keys")
                .look("The charter trip, as the parts maker sees it", DemoData.PARTS_MAKER_KEY,
                        "/api/v1/charter-trips/" + trip.get("id").asText());
    }

    /**
     * The supplier of the hospital's allocation from outside Wuhan confirms it; logistics plans the
     * shipment from supply's event; the supplier assigns a truck (its pass issued by the rule), picks
     * the goods up and passes the border checkpoint; the hospital signs for slightly less than was sent.
     */
    private static JsonNode shipMasks(DirectClient logistics, DirectClient supply, List<DemoData.Organisation> organisations,
            String requestId, Handheld handheld, LocalDate today) throws Exception {
        JsonNode allocation = StreamSupport.stream(supply.admin().get("/api/v1/allocations?request_id=" + requestId)
                .get("items").spliterator(), false).filter(a -> !a.get("origin_region").asText().startsWith(WUHAN))
                .findFirst().orElseThrow(() -> new IllegalStateException("no allocation from outside Wuhan to ship"));
        String allocationId = allocation.get("id").asText();
        DemoData.Organisation supplier = byId(organisations, allocation.get("supplier_id").asText());
        DemoData.Organisation hospital = byId(organisations, allocation.get("requester_org_id").asText());
        supply.of(supplier, "ENTERPRISE").put("/api/v1/allocations/" + allocationId + "/confirmation", null, 200);

        RestClient shipper = logistics.of(supplier, "ENTERPRISE");
        JsonNode planned = Eventually.await("logistics plans a shipment from the confirmed allocation",
                () -> shipper.get("/api/v1/shipments?allocation_id=" + allocationId).get("items"),
                items -> items.size() == 1).get(0);
        String path = "/api/v1/shipments/" + planned.get("id").asText();
        String plate = "粤B8F3K1";
        JsonNode assigned = shipper.post(path + "/vehicle-assignment", Map.of("plate", plate, "vehicle_type", "TRUCK",
                "driver", driver(supplier.county(), LocalDate.of(1979, 6, 14), "陈国华"), "valid_from", today.toString(),
                "valid_until", today.plusDays(6).toString(), "via", List.of(HUNAN, CHIBI)));
        JsonNode pass = approved(shipper.get(PASSES + "/" + assigned.get("green_pass_id").asText()));
        shipper.put(path + "/pick-up", null, 200);
        handheld.scan(pass.get("code").asText(), plate, 9, "36.6");
        long received = planned.get("quantity").asLong() - 120; // a carton crushed on the way
        return logistics.of(hospital, "HEALTH_INSTITUTION").put(path + "/delivery",
                Map.of("received_quantity", received, "receiver_name", "李娜"), 200);
    }

    /**
     * The parts maker asks to bring twelve employees back from Xinyang; Ningbo's authority plans a
     * bus, puts the request on it and dispatches it; its pass, like every RETURNING_WORKERS pass,
     * waits for an authority of the origin, and Henan approves it.
     */
    private static JsonNode bringWorkersBack(DirectClient logistics, DemoData.Organisation maker, LocalDate today)
            throws Exception {
        LocalDate travel = today.plusDays(1);
        List<Map<String, String>> manifest = new ArrayList<>();
        for (int i = 0; i < PASSENGERS.size(); i++) {
            Map<String, String> passenger = new HashMap<>(Map.of("name", PASSENGERS.get(i),
                    "id_number", idNumber(XINYANG, LocalDate.of(1975 + i * 2, 1 + i, 3 + i), i)));
            if (i % 3 == 0) {
                passenger.put("phone", "1393760" + String.format("%04d", 1000 + i));
            }
            manifest.add(passenger);
        }
        JsonNode request = logistics.of(maker, "ENTERPRISE").postWhenKnown("/api/v1/worker-transport-requests",
                Map.of("origin_region", XINYANG, "travel_date", travel.toString(), "passengers", manifest));
        RestClient ningbo = logistics.as(DevJwt.as("AUTHORITY").subject("demo-ningbo-authority").regionScope("3302"));
        JsonNode trip = ningbo.post("/api/v1/charter-trips", Map.of("plate", "浙B2K815", "seats", 45,
                "travel_date", travel.toString(), "origin_region", XINYANG, "destination_region", maker.county(),
                "via", List.of(ANHUI), "driver", driver(XINYANG, LocalDate.of(1972, 9, 30), "郑建军")));
        String path = "/api/v1/charter-trips/" + trip.get("id").asText();
        ningbo.post(path + "/assignments", Map.of("request_id", request.get("id").asText()));
        JsonNode dispatched = ningbo.put(path + "/dispatch", null, 200);
        logistics.as(DevJwt.as("AUTHORITY").subject("demo-henan-authority").regionScope("41")).put(
                PASSES + "/" + dispatched.get("pass_id").asText() + "/decision",
                Map.of("outcome", "APPROVED", "reason", "Manifest checked; no one from a high-risk area"), 200);
        return dispatched;
    }

    private static Map<String, Object> passBody(String plate, String vehicleType, String cargo, String description,
            List<String> route, LocalDate driverBorn, LocalDate today) {
        return Map.of("plate", plate, "vehicle_type", vehicleType, "driver", driver(route.get(0), driverBorn, "王建国"),
                "cargo_category", cargo, "cargo_description", description, "route", route,
                "valid_from", today.toString(), "valid_until", today.plusDays(6).toString());
    }

    private static JsonNode approved(JsonNode pass) {
        if (!pass.get("status").asText().equals("APPROVED")) {
            throw new IllegalStateException("the demo expected pass " + pass.get("number").asText() + " approved, but it is "
                    + pass.get("status").asText() + " (" + pass.get("rule").asText() + ")");
        }
        return pass;
    }

    /** A driver from {@code county}: a valid resident ID number, a mainland mobile. */
    private static Map<String, String> driver(String county, LocalDate born, String name) {
        return Map.of("name", name, "phone", "139" + county + "08", "id_number", idNumber(county, born, 7));
    }

    /** GB 11643-1999: county, birth date, a sequence number and the MOD 11-2 check character. */
    private static String idNumber(String county, LocalDate born, int sequence) {
        String first17 = county + born.toString().replace("-", "") + String.format("%03d", 11 + sequence * 2);
        return first17 + ResidentId.checkCharacter(first17);
    }

    /** The code with its validity pushed a month on and its signature kept: what a forger would try. */
    private static String extended(String code) throws Exception {
        String[] parts = code.split("\\.");
        ObjectNode claims = (ObjectNode) JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        claims.put("exp", claims.get("exp").asLong() + 30L * 24 * 3600);
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(JSON.writeValueAsString(claims).getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    }

    private static DemoData.Organisation byId(List<DemoData.Organisation> organisations, String id) {
        UUID wanted = UUID.fromString(id);
        return DemoData.find(organisations, o -> o.id().equals(wanted));
    }

    /** The checkpoint officer's handheld: each vehicle scanned once, with its waiting time and driver's temperature. */
    private static final class Handheld {

        private final String checkpointId;
        private final RestClient officer;
        private int scans;

        Handheld(String checkpointId, RestClient officer) {
            this.checkpointId = checkpointId;
            this.officer = officer;
        }

        void scan(String code, String plateRead, int waitingMinutes, String temperature) throws Exception {
            officer.post("/api/v1/checkpoint-scans", Map.of("checkpoint_id", checkpointId, "code", code,
                    "plate_read", plateRead, "waiting_minutes", waitingMinutes,
                    "driver_temperature", new BigDecimal(temperature)));
            scans++;
        }
    }
}
