package org.fugong.logistics.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fugong.testing.ProblemAssertions.problem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import jakarta.inject.Inject;

import org.fugong.logistics.code.PassCodes;
import org.fugong.logistics.support.Api;
import org.fugong.logistics.support.LogisticsTest;
import org.fugong.logistics.support.RegistryFeed;
import org.fugong.testing.TestJwt;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/** {@code /api/v1/checkpoints} and {@code /api/v1/checkpoint-scans}: registering, scopes, every scan result, the figures. */
@QuarkusTest
@LogisticsTest
class CheckpointResourceTest {

    static final String CHECKPOINTS = "/api/v1/checkpoints";
    static final String SCANS = "/api/v1/checkpoint-scans";
    static final String HUBEI_COUNTY = "421181"; // Macheng: the Hubei–Henan border, on Api.pass()'s route (420000)
    static final String HENAN_COUNTY = "410102"; // Zhongyuan, Zhengzhou: off that route

    @Inject
    PassCodes codes;

    static String officer(String scope) {
        return TestJwt.as("CHECKPOINT").regionScope(scope).token();
    }

    static Map<String, Object> checkpoint(String county) {
        return new HashMap<>(Map.of("name", "G4 鄂豫界 toll station", "county_code", county, "kind", "PROVINCIAL_BORDER"));
    }

    static String register(String authorityScope, String county) {
        return Api.as(TestJwt.authority(authorityScope)).body(checkpoint(county)).post(CHECKPOINTS).then().statusCode(201)
                .extract().path("id");
    }

    static Map<String, Object> scan(String checkpoint, String code) {
        Map<String, Object> scan = new HashMap<>();
        scan.put("checkpoint_id", checkpoint);
        scan.put("code", code);
        scan.put("plate_read", "浙A12345");
        scan.put("waiting_minutes", 12);
        scan.put("driver_temperature", 36.6);
        return scan;
    }

    static Map<String, Object> scan(String checkpoint, String code, Consumer<Map<String, Object>> change) {
        Map<String, Object> body = scan(checkpoint, code);
        change.accept(body);
        return body;
    }

    static ExtractableResponse<Response> scanned(String officerScope, Map<String, Object> body) {
        return Api.as(officer(officerScope)).body(body).post(SCANS).then().statusCode(201).extract();
    }

    /** An approved pass of Api.pass(): 浙A12345 from Xihu, Hangzhou through Hubei to Jiang'an, Wuhan. */
    static ExtractableResponse<Response> approvedPass() {
        UUID enterprise = RegistryFeed.essentialEnterprise("330106");
        return Api.as(Api.enterprise(enterprise)).body(Api.pass()).post("/api/v1/green-passes").then().statusCode(201)
                .body("status", equalTo("APPROVED")).extract();
    }

    @Test
    void anAuthorityRegistersACheckpointInItsScopeReadWithAnETag() {
        String token = TestJwt.authority("42");
        String key = UUID.randomUUID().toString();
        ExtractableResponse<Response> created = Api.as(token).header("Idempotency-Key", key).body(checkpoint(HUBEI_COUNTY))
                .post(CHECKPOINTS).then().statusCode(201).body("county_code", equalTo(HUBEI_COUNTY))
                .body("kind", equalTo("PROVINCIAL_BORDER")).body("name", equalTo("G4 鄂豫界 toll station")).extract();
        String id = created.path("id");
        assertThat(created.header("Location")).endsWith(CHECKPOINTS + "/" + id);
        Api.as(token).header("Idempotency-Key", key).body(checkpoint(HUBEI_COUNTY)).post(CHECKPOINTS).then()
                .statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(id));
        for (String reader : List.of(token, TestJwt.authority("4211"), officer("42"), officer(HUBEI_COUNTY), TestJwt.admin())) {
            Api.as(reader).get(CHECKPOINTS + "/" + id).then().statusCode(200).header("ETag", equalTo("\"0\""))
                    .body("id", equalTo(id));
        }
    }

    @Test
    void listsAreScopedFilteredAndPagedByCursor() {
        String a = register("4207", "420702");
        String b = register("4207", "420702");
        Api.as(TestJwt.authority("4207")).body(Map.of("name", "Ezhou entrance", "county_code", "420702",
                "kind", "CITY_ENTRANCE")).post(CHECKPOINTS).then().statusCode(201);
        ExtractableResponse<Response> page = Api.as(officer("4207")).queryParam("limit", 2).get(CHECKPOINTS).then()
                .statusCode(200).body("items.id", equalTo(List.of(a, b))).body("next_cursor", notNullValue()).extract();
        Api.as(officer("4207")).queryParam("cursor", page.<String>path("next_cursor")).get(CHECKPOINTS).then()
                .statusCode(200).body("items.kind", equalTo(List.of("CITY_ENTRANCE"))).body("next_cursor", nullValue());
        Api.as(TestJwt.authority("4207")).queryParam("kind", "provincial_border").get(CHECKPOINTS).then()
                .body("items.id", equalTo(List.of(a, b)));
        Api.as(TestJwt.authority("41")).get(CHECKPOINTS).then().statusCode(200).body("items.id", not(hasItem(a)));
        Api.as(officer("41")).get(CHECKPOINTS).then().statusCode(200).body("items.id", not(hasItem(a)));
        Api.as(TestJwt.admin()).queryParam("limit", 100).get(CHECKPOINTS).then().statusCode(200);
        problem(Api.as(TestJwt.authority("4207")).queryParam("kind", "BRIDGE").get(CHECKPOINTS).then(), 400)
                .body("errors[0].field", equalTo("kind"));
    }

    @Test
    void badCheckpointsAre400NamingTheFieldAndWriteNothing() {
        Map<String, Map<String, Object>> cases = new LinkedHashMap<>();
        cases.put("kind", with(checkpoint("420702"), b -> b.put("kind", "BRIDGE")));
        cases.put("county_code", with(checkpoint("420702"), b -> b.put("county_code", "420799"))); // no such county
        cases.put("county_code ", with(checkpoint("420702"), b -> b.put("county_code", "421181"))); // outside 4207
        cases.put("county_code  ", with(checkpoint("420702"), b -> b.put("county_code", "420700"))); // a prefecture
        cases.put("county_code   ", with(checkpoint("420702"), b -> b.put("county_code", "4207")));
        cases.put("name", with(checkpoint("420702"), b -> b.put("name", " ")));
        cases.put("name ", with(checkpoint("420702"), b -> b.put("name", "x".repeat(101))));
        String token = TestJwt.as("AUTHORITY").regionScope("4207").subject("bad-input-" + UUID.randomUUID()).token();
        cases.forEach((field, body) -> problem(Api.as(token).body(body).post(CHECKPOINTS).then(), 400)
                .body("errors.field", hasItem(field.strip())));
        Api.as(TestJwt.admin()).queryParam("limit", 100).get(CHECKPOINTS).then()
                .body("items.created_by", not(hasItem(org.hamcrest.Matchers.startsWith("bad-input-"))));
    }

    static Map<String, Object> with(Map<String, Object> body, Consumer<Map<String, Object>> change) {
        change.accept(body);
        return body;
    }

    @Test
    void whoMayRegisterReadAndScanAcrossScopes() {
        String id = register("42", HUBEI_COUNTY);
        String code = approvedPass().path("code");
        problem(RestAssured.given().contentType(ContentType.JSON).body(checkpoint(HUBEI_COUNTY)).post(CHECKPOINTS).then(), 401);
        problem(RestAssured.given().contentType(ContentType.JSON).body(scan(id, code)).post(SCANS).then(), 401);
        for (String notAnAuthority : List.of(officer("42"), TestJwt.admin(), TestJwt.reader(),
                Api.enterprise(UUID.randomUUID()))) {
            problem(Api.as(notAnAuthority).body(checkpoint(HUBEI_COUNTY)).post(CHECKPOINTS).then(), 403);
        }
        for (String outsider : List.of(TestJwt.authority("41"), TestJwt.authority("4201"), officer("41"), officer("421182"))) {
            problem(Api.as(outsider).get(CHECKPOINTS + "/" + id).then(), 404);
            problem(Api.as(outsider).get(CHECKPOINTS + "/" + id + "/stats").then(), 404);
        }
        problem(Api.as(Api.enterprise(UUID.randomUUID())).get(CHECKPOINTS + "/" + id).then(), 403);
        // A checkpoint officer outside the checkpoint's region, with a valid body: 404 as for an unknown
        // checkpoint (its id tells an outsider nothing), and no scan kept.
        problem(Api.as(officer("41")).body(scan(id, code)).post(SCANS).then(), 404);
        problem(Api.as(officer("421182")).body(scan(id, code)).post(SCANS).then(), 404);
        for (String notAnOfficer : List.of(TestJwt.authority("42"), TestJwt.admin(), Api.enterprise(UUID.randomUUID()))) {
            problem(Api.as(notAnOfficer).body(scan(id, code)).post(SCANS).then(), 403);
        }
        problem(Api.as(officer("42")).body(scan(UUID.randomUUID().toString(), code)).post(SCANS).then(), 404);
        problem(Api.as(TestJwt.admin()).get(CHECKPOINTS + "/" + UUID.randomUUID()).then(), 404);
        Api.as(TestJwt.authority("42")).get(CHECKPOINTS + "/" + id + "/stats").then().statusCode(200)
                .body("scans", equalTo(0));
    }

    @Test
    void badScansAre400NamingTheFieldAndKeepNothing() {
        String id = register("42", HUBEI_COUNTY);
        String code = approvedPass().path("code");
        Map<String, Map<String, Object>> cases = new LinkedHashMap<>();
        cases.put("waiting_minutes", scan(id, code, b -> b.put("waiting_minutes", 1441)));
        cases.put("waiting_minutes ", scan(id, code, b -> b.put("waiting_minutes", -1)));
        cases.put("driver_temperature", scan(id, code, b -> b.put("driver_temperature", 43.1)));
        cases.put("driver_temperature ", scan(id, code, b -> b.put("driver_temperature", 33.9)));
        cases.put("code", scan(id, code, b -> b.remove("code")));
        cases.put("code ", scan(id, code, b -> b.put("code", " ")));
        cases.put("plate_read", scan(id, code, b -> b.put("plate_read", "浙I12345")));
        cases.put("plate_read ", scan(id, code, b -> b.remove("plate_read")));
        cases.put("checkpoint_id", scan(id, code, b -> b.remove("checkpoint_id")));
        cases.forEach((field, body) -> problem(Api.as(officer("42")).body(body).post(SCANS).then(), 400)
                .body("errors.field", hasItem(field.strip())));
        Api.as(TestJwt.authority("42")).get(CHECKPOINTS + "/" + id + "/stats").then().statusCode(200)
                .body("scans", equalTo(0));
        // The boundaries that are allowed.
        scanned("42", scan(id, code, b -> {
            b.put("waiting_minutes", 1440);
            b.put("driver_temperature", 43.0);
        }));
        scanned("42", scan(id, code, b -> {
            b.put("waiting_minutes", 0);
            b.put("driver_temperature", 34.0);
        }));
    }

    @Test
    void aScanIsReadAtItsLocationByThoseWhoSeeItsCheckpointOnly() {
        String id = register("42", HUBEI_COUNTY);
        ExtractableResponse<Response> scan = scanned("42", scan(id, approvedPass().path("code")));
        String location = scan.header("Location");
        assertThat(location).endsWith("/api/v1/checkpoint-scans/" + scan.path("id"));
        for (String seer : List.of(officer("42"), TestJwt.authority("4211"), TestJwt.admin())) {
            Api.as(seer).get(SCANS + "/" + scan.path("id")).then().statusCode(200).body("result", equalTo("VALID"))
                    .body("checkpoint_id", equalTo(id));
        }
        for (String outsider : List.of(officer("41"), TestJwt.authority("4201"))) {
            problem(Api.as(outsider).get(SCANS + "/" + scan.path("id")).then(), 404);
        }
        problem(Api.as(Api.enterprise(UUID.randomUUID())).get(SCANS + "/" + scan.path("id")).then(), 403);
        problem(Api.as(officer("42")).get(SCANS + "/" + UUID.randomUUID()).then(), 404);
    }

    @Test
    void aHandheldRetryingWithItsIdempotencyKeyGetsTheFirstScanBackAndCountsOnce() {
        String id = register("42", HUBEI_COUNTY);
        String code = approvedPass().path("code");
        String key = UUID.randomUUID().toString();
        String handheld = officer("42"); // the key is the caller's own: the same officer retries
        ExtractableResponse<Response> first = Api.as(handheld).header("Idempotency-Key", key).body(scan(id, code))
                .post(SCANS).then().statusCode(201).extract();
        Api.as(handheld).header("Idempotency-Key", key).body(scan(id, code)).post(SCANS).then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("id", equalTo(first.path("id")));
        // The same key with another body is the caller's mistake.
        problem(Api.as(handheld).header("Idempotency-Key", key).body(scan(id, code, b -> b.put("waiting_minutes", 30)))
                .post(SCANS).then(), 422);
        Api.as(TestJwt.authority("42")).get(CHECKPOINTS + "/" + id + "/stats").then().statusCode(200)
                .body("scans", equalTo(1));
    }

    @Test
    void aGoodPassOnItsRouteIsValidAndAFeverCallsForAHealthCheck() {
        String id = register("42", HUBEI_COUNTY);
        ExtractableResponse<Response> pass = approvedPass();
        scanned("42", scan(id, pass.path("code"))).path("result");
        ExtractableResponse<Response> valid = scanned("42", scan(id, pass.path("code"), b -> b.put("plate_read", "浙 a１２３４５")));
        assertThat(valid.<String>path("result")).isEqualTo("VALID");
        assertThat(valid.<String>path("pass_id")).isEqualTo(pass.path("id"));
        assertThat(valid.<String>path("pass_number")).isEqualTo(pass.path("number"));
        assertThat(valid.<Boolean>path("health_check_required")).isFalse();
        assertThat(valid.<Integer>path("waiting_minutes")).isEqualTo(12);
        ExtractableResponse<Response> fever = scanned("42", scan(id, pass.path("code"), b -> b.put("driver_temperature", 37.3)));
        assertThat(fever.<String>path("result")).isEqualTo("VALID");
        assertThat(fever.<Boolean>path("health_check_required")).isTrue();
        ExtractableResponse<Response> noTemperature = scanned("42", scan(id, pass.path("code"), b -> {
            b.remove("driver_temperature");
            b.remove("waiting_minutes");
        }));
        assertThat(noTemperature.<Boolean>path("health_check_required")).isFalse();
        assertThat(noTemperature.<Integer>path("waiting_minutes")).isNull();
    }

    @Test
    void anotherPlateIsWrongVehicleAndACheckpointOffTheRouteIsOffRoute() {
        String hubei = register("42", HUBEI_COUNTY);
        String henan = register("41", HENAN_COUNTY);
        String code = approvedPass().path("code");
        assertThat(scanned("42", scan(hubei, code, b -> b.put("plate_read", "浙A12346"))).<String>path("result"))
                .isEqualTo("WRONG_VEHICLE");
        assertThat(scanned("41", scan(henan, code)).<String>path("result")).isEqualTo("OFF_ROUTE");
    }

    @Test
    void aTamperedCodeIsForgedAndAValidlySignedCodeOfNoPassIsUnknown() {
        String id = register("42", HUBEI_COUNTY);
        String code = approvedPass().path("code");
        String[] parts = code.split("\\.");
        String otherPayload = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(java.util.Base64.getUrlDecoder().decode(parts[1]), java.nio.charset.StandardCharsets.UTF_8)
                        .replace("浙A12345", "浙A99999").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        ExtractableResponse<Response> forged = scanned("42", scan(id, parts[0] + "." + otherPayload + "." + parts[2],
                b -> b.put("plate_read", "浙A99999")));
        assertThat(forged.<String>path("result")).isEqualTo("FORGED");
        assertThat(forged.<String>path("pass_id")).isNull();
        assertThat(scanned("42", scan(id, "not a code at all")).<String>path("result")).isEqualTo("FORGED");
        // Signed with the service's own key for a number no pass has.
        String unknown = codes.sign("110101999999", "浙A12345", List.of("330106", "420000", "420102"), Api.today(),
                Api.today().plusDays(1));
        ExtractableResponse<Response> scan = scanned("42", scan(id, unknown));
        assertThat(scan.<String>path("result")).isEqualTo("UNKNOWN");
        assertThat(scan.<String>path("pass_number")).isEqualTo("110101999999");
        assertThat(scan.<String>path("pass_id")).isNull();
    }

    @Test
    void aRevokedPassIsRevoked() {
        String id = register("42", HUBEI_COUNTY);
        ExtractableResponse<Response> pass = approvedPass();
        Api.as(TestJwt.authority("33")).body(Map.of("reason", "forged cargo papers"))
                .put("/api/v1/green-passes/" + pass.path("id") + "/revocation").then().statusCode(200);
        ExtractableResponse<Response> scan = scanned("42", scan(id, pass.path("code")));
        assertThat(scan.<String>path("result")).isEqualTo("REVOKED");
        assertThat(scan.<String>path("pass_id")).isEqualTo(pass.path("id"));
    }

    @Test
    void aPassBeforeItsWindowIsNotYetValidAndAfterItExpired() {
        String id = register("42", HUBEI_COUNTY);
        UUID enterprise = RegistryFeed.essentialEnterprise("330106");
        Map<String, Object> tomorrow = Api.pass();
        tomorrow.put("valid_from", Api.today().plusDays(1).toString());
        String later = Api.as(Api.enterprise(enterprise)).body(tomorrow).post("/api/v1/green-passes").then()
                .statusCode(201).body("status", equalTo("APPROVED")).extract().path("code");
        assertThat(scanned("42", scan(id, later)).<String>path("result")).isEqualTo("NOT_YET_VALID");
        // The code of a real pass, signed with the service's key for a window that has passed.
        String number = approvedPass().path("number");
        String expired = codes.sign(number, "浙A12345", List.of("330106", "420000", "420102"), Api.today().minusDays(3),
                Api.today().minusDays(1));
        assertThat(scanned("42", scan(id, expired)).<String>path("result")).isEqualTo("EXPIRED");
    }

    @Test
    void theFiguresCountScansPerHourAndResultsAndTheWaitingTimes() {
        String id = register("42", HUBEI_COUNTY);
        String code = approvedPass().path("code");
        Instant before = Instant.now().minusSeconds(1);
        for (int minutes : new int[] { 5, 10, 20, 30 }) {
            scanned("42", scan(id, code, b -> b.put("waiting_minutes", minutes)));
        }
        scanned("42", scan(id, code, b -> {
            b.remove("waiting_minutes");
            b.put("plate_read", "浙A12346");
        }));
        String path = CHECKPOINTS + "/" + id + "/stats";
        Instant after = Instant.now().plusSeconds(1);
        Api.as(officer(HUBEI_COUNTY)).queryParam("from", before.toString()).queryParam("to", after.toString()).get(path)
                .then().statusCode(200).body("checkpoint_id", equalTo(id)).body("scans", equalTo(5))
                .body("scans_per_hour.scans.sum()", equalTo(5))
                .body("results.VALID", equalTo(4)).body("results.WRONG_VEHICLE", equalTo(1))
                .body("results.FORGED", equalTo(0))
                .body("waiting.scans_with_waiting_time", equalTo(4))
                .body("waiting.p50_minutes", equalTo(15.0f)) // between 10 and 20
                .body("waiting.p90_minutes", equalTo(27.0f)) // 20 + 0.7 × 10
                .body("waiting.max_minutes", equalTo(30))
                .body("waiting.share_within15_minutes", equalTo(0.5f));
        Api.as(TestJwt.authority("42")).get(path).then().statusCode(200).body("scans", equalTo(5));
        Api.as(TestJwt.admin()).queryParam("from", after.toString()).queryParam("to", after.plus(1, ChronoUnit.HOURS)
                .toString()).get(path).then().statusCode(200).body("scans", equalTo(0))
                .body("waiting.p50_minutes", nullValue()).body("waiting.share_within15_minutes", nullValue());
        problem(Api.as(TestJwt.admin()).queryParam("from", after.toString()).queryParam("to", before.toString()).get(path)
                .then(), 400).body("errors[0].field", equalTo("to"));
        problem(Api.as(TestJwt.admin()).queryParam("from", "yesterday").get(path).then(), 400)
                .body("errors[0].field", equalTo("from"));
    }
}
