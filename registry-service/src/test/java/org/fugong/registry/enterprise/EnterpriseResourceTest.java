package org.fugong.registry.enterprise;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.fugong.registry.support.Api;
import org.fugong.registry.support.RegistryTest;
import org.fugong.testing.ProblemAssertions;
import org.fugong.testing.TestJwt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
@RegistryTest
class EnterpriseResourceTest {

    @Test
    void registersWithDerivedSizeAndTierAndAnswersWithLocationAndETag() {
        Map<String, Object> body = Api.enterpriseBody();
        body.put("uscc", ((String) body.get("uscc")).toLowerCase());
        var response = Api.as(Api.admin()).body(body).post("/api/v1/enterprises").then().statusCode(201)
                .header("Location", containsString("/api/v1/enterprises/"))
                .header("ETag", equalTo("\"0\""))
                .body("uscc", equalTo(((String) body.get("uscc")).toUpperCase()))
                .body("size_class", equalTo("SMALL"))
                .body("priority_tier", equalTo("ESSENTIAL"))
                .body("status", equalTo("ACTIVE"))
                .body("resumption_status", equalTo("NOT_RESUMED"))
                .body("annual_revenue", equalTo("48000000.00"))
                .body("key_enterprise", equalTo(false))
                .body("contact.name", equalTo("王小明"))
                .extract();
        String id = response.path("id");
        Api.as(Api.admin()).get(response.header("Location")).then().statusCode(200).body("id", equalTo(id))
                .header("ETag", equalTo("\"0\""));
    }

    @Test
    void anAuthorityRegistersOnlyInsideItsScope() {
        Map<String, Object> body = Api.enterpriseBody();
        Api.as(Api.authority("42")).body(body).post("/api/v1/enterprises").then().statusCode(201);
        Map<String, Object> zhejiang = Api.enterpriseBody();
        zhejiang.put("region_code", "330106");
        problem(Api.as(Api.authority("42")).body(zhejiang).post("/api/v1/enterprises").then(), 403);
    }

    @Test
    void otherRolesMayNotRegister() {
        for (String token : List.of(Api.reader(), Api.enterprise(UUID.randomUUID()),
                TestJwt.as("CHECKPOINT").regionScope("42").token())) {
            problem(Api.as(token).body(Api.enterpriseBody()).post("/api/v1/enterprises").then(), 403);
        }
    }

    @Test
    void aDuplicateUsccIsAConflictNamingTheField() {
        Map<String, Object> body = Api.enterpriseBody();
        Api.register(body);
        problem(Api.as(Api.admin()).body(body).post("/api/v1/enterprises").then(), 409)
                .body("errors[0].field", equalTo("uscc"));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
            "uscc|91110000600037341M|check character does not match",
            "uscc|9111000060003734|must be 18 characters",
            "uscc|9111000060003734IL|character 17 is not allowed (use 0-9 and A-Y without I, O, S, V)",
            "region_code|999999|is not a county code of GB/T 2260",
            "region_code|420100|is not a county code of GB/T 2260",
            "region_code|4201|must be a six-digit GB/T 2260 county code",
            "employees|-1|must be greater than or equal to 0",
            "employees|10000001|must be less than or equal to 10000000",
            "annual_revenue|-5.00|must be greater than or equal to 0.00",
            "annual_revenue|1.005|numeric value out of bounds (<15 digits>.<2 digits> expected)",
            "name|''|must not be blank" })
    void invalidFieldsAre400NamingTheField(String field, String value, String message) {
        Map<String, Object> body = Api.enterpriseBody();
        body.put(field, field.equals("employees") ? Long.parseLong(value) : value);
        long before = count();
        problem(Api.as(Api.admin()).body(body).post("/api/v1/enterprises").then(), 400)
                .body("errors.field", hasItem(field))
                .body("errors.message", hasItem(message));
        assertThat(count()).as("nothing written").isEqualTo(before);
    }

    @Test
    void missingRequiredFieldsAreAllNamed() {
        problem(Api.as(Api.admin()).body("{}").post("/api/v1/enterprises").then(), 400)
                .body("errors.field", hasItem("kind"))
                .body("errors.field", hasItem("uscc"))
                .body("errors.field", hasItem("region_code"))
                .body("errors.field", hasItem("annual_revenue"));
    }

    @Test
    void anOverlongNameIsRejected() {
        Map<String, Object> body = Api.enterpriseBody();
        body.put("name", "长".repeat(201));
        problem(Api.as(Api.admin()).body(body).post("/api/v1/enterprises").then(), 400)
                .body("errors[0].field", equalTo("name"));
    }

    @Test
    void malformedJsonIs400() {
        problem(Api.as(Api.admin()).body("{\"kind\": \"ENTERPRISE\",").post("/api/v1/enterprises").then(), 400)
                .body("errors[0].field", equalTo("body"))
                .body("detail", containsString("not well-formed JSON"));
    }

    @Test
    void wrongJsonTypesAre400NamingTheField() {
        Map<String, Object> body = Api.enterpriseBody();
        body.put("employees", "many");
        problem(Api.as(Api.admin()).body(body).post("/api/v1/enterprises").then(), 400)
                .body("errors[0].field", equalTo("employees"))
                .body("errors[0].message", equalTo("must be an integer"));
        body = Api.enterpriseBody();
        body.put("contact", "王小明");
        problem(Api.as(Api.admin()).body(body).post("/api/v1/enterprises").then(), 400)
                .body("errors[0].field", equalTo("contact"));
    }

    @Test
    void unknownEnumValuesAre400ListingTheAllowedOnes() {
        Map<String, Object> body = Api.enterpriseBody();
        body.put("kind", "SPACESHIP");
        problem(Api.as(Api.admin()).body(body).post("/api/v1/enterprises").then(), 400)
                .body("errors[0].field", equalTo("kind"))
                .body("errors[0].message", containsString("HEALTH_INSTITUTION"));
    }

    @Test
    void hugeNumbersAre400() {
        String json = """
                {"kind": "ENTERPRISE", "name": "大数公司", "uscc": "%s", "region_code": "420102",
                 "industry": "FOOD", "ownership": "PRIVATE", "employees": 99999999999999999999999,
                 "annual_revenue": "1.00"}""".formatted(Api.newUscc());
        problem(Api.as(Api.admin()).body(json).post("/api/v1/enterprises").then(), 400)
                .body("errors[0].field", equalTo("employees"))
                .body("errors[0].message", equalTo("is out of range"));
    }

    @Test
    void unknownPropertiesAre400() {
        Map<String, Object> body = Api.enterpriseBody();
        body.put("employes", 3);
        problem(Api.as(Api.admin()).body(body).post("/api/v1/enterprises").then(), 400)
                .body("errors[0].field", equalTo("employes"))
                .body("errors[0].message", equalTo("is not a known property"));
    }

    @Test
    void aBodyOverTheLimitIs413() {
        Map<String, Object> body = Api.enterpriseBody();
        body.put("name", "x".repeat(300_000));
        problem(Api.as(Api.admin()).body(body).post("/api/v1/enterprises").then(), 413);
    }

    @Test
    void wrongMediaTypeIs415() {
        problem(given().auth().oauth2(Api.admin()).contentType(ContentType.TEXT).body("hello")
                .post("/api/v1/enterprises").then(), 415);
    }

    @Test
    void noTokenIs401WithWwwAuthenticate() {
        problem(given().contentType(ContentType.JSON).body(Api.enterpriseBody()).post("/api/v1/enterprises").then(), 401)
                .header("WWW-Authenticate", startsWith("Bearer"));
        problem(given().get("/api/v1/enterprises").then(), 401);
    }

    @Test
    void badTokensAre401() {
        List<String> tokens = List.of(
                TestJwt.as("ADMIN").expiresIn(java.time.Duration.ofMinutes(-10)).token(),
                TestJwt.as("ADMIN").issuer("https://evil.example").token(),
                TestJwt.as("ADMIN").signedWithForeignKey().token(),
                Api.admin().substring(0, Api.admin().length() - 4) + "AAAA",
                "not-a-jwt");
        for (String token : tokens) {
            problem(Api.as(token).get("/api/v1/enterprises").then(), 401);
        }
    }

    @Test
    void organisationsSeeOnlyThemselvesAndOthersAre404() {
        UUID mine = Api.register();
        UUID theirs = Api.register();
        String me = Api.enterprise(mine);
        Api.as(me).get("/api/v1/enterprises/" + mine).then().statusCode(200).body("contact.name", equalTo("王小明"));
        problem(Api.as(me).get("/api/v1/enterprises/" + theirs).then(), 404);
        Api.as(me).get("/api/v1/enterprises").then().statusCode(200).body("items", hasSize(1))
                .body("items[0].id", equalTo(mine.toString()));
    }

    @Test
    void authoritiesSeeTheirScopeWithContactsMaskedAndOutsideIs404() {
        UUID wuhan = Api.register();
        Api.as(Api.authority("4201")).get("/api/v1/enterprises/" + wuhan).then().statusCode(200)
                .body("contact.name", equalTo("王**")).body("contact.phone", equalTo("138****5678"));
        problem(Api.as(Api.authority("33")).get("/api/v1/enterprises/" + wuhan).then(), 404);
        Api.as(Api.authority("33")).queryParam("limit", 100).get("/api/v1/enterprises").then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.not(hasItem(wuhan.toString())));
    }

    @Test
    void readersAndCheckpointsMayNotListOrganisations() {
        problem(Api.as(Api.reader()).get("/api/v1/enterprises").then(), 403);
        problem(Api.as(TestJwt.as("CHECKPOINT").regionScope("42").token()).get("/api/v1/enterprises").then(), 403);
    }

    @Test
    void unknownIdsAre404() {
        problem(Api.as(Api.admin()).get("/api/v1/enterprises/" + UUID.randomUUID()).then(), 404);
        problem(Api.as(Api.admin()).get("/api/v1/enterprises/not-a-uuid").then(), 404);
    }

    @Test
    void listsPageWithCursorsInIdOrderWithoutGapsOrRepeats() {
        Map<String, Object> body = Api.enterpriseBody();
        body.put("industry", "LITHIUM_BATTERIES");
        body.put("region_code", "330106");
        Set<String> created = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            body.put("uscc", Api.newUscc());
            created.add(Api.register(body).toString());
        }
        Set<String> seen = new HashSet<>();
        String cursor = null;
        int pages = 0;
        do {
            var spec = Api.as(Api.admin()).queryParam("region", "330106").queryParam("industry", "LITHIUM_BATTERIES")
                    .queryParam("limit", 2);
            if (cursor != null) {
                spec.queryParam("cursor", cursor);
            }
            var page = spec.get("/api/v1/enterprises").then().statusCode(200).extract();
            List<String> ids = page.path("items.id");
            assertThat(ids.size()).isLessThanOrEqualTo(2);
            assertThat(ids).isSorted();
            for (String id : ids) {
                assertThat(seen.add(id)).as("no repeats").isTrue();
            }
            cursor = page.path("next_cursor");
            pages++;
        } while (cursor != null && pages < 50);
        assertThat(seen).containsAll(created);
        assertThat(pages).isGreaterThanOrEqualTo(3);
    }

    @ParameterizedTest
    @CsvSource({ "limit,0", "limit,101", "limit,ten", "cursor,garbage!", "region,4", "tier,GOLD", "size,HUGE",
            "status,SLEEPING" })
    void badListParametersAre400NamingThem(String name, String value) {
        problem(Api.as(Api.admin()).queryParam(name, value).get("/api/v1/enterprises").then(), 400)
                .body("errors[0].field", equalTo(name));
    }

    @Test
    void filtersCombine() {
        Map<String, Object> big = Api.enterpriseBody();
        big.put("region_code", "440305");
        big.put("industry", "INTEGRATED_CIRCUITS");
        big.put("employees", 5000);
        big.put("annual_revenue", "900000000.00");
        UUID id = Api.register(big);
        Api.as(Api.admin()).queryParam("region", "44").queryParam("tier", "STRATEGIC_EMERGING")
                .queryParam("size", "LARGE").queryParam("status", "ACTIVE").queryParam("limit", 100)
                .get("/api/v1/enterprises").then().statusCode(200)
                .body("items.id", hasItem(id.toString()))
                .body("items.size_class", org.hamcrest.Matchers.everyItem(equalTo("LARGE")));
    }

    @Test
    void patchNeedsIfMatchAndRecomputesSize() {
        UUID id = Api.register();
        String path = "/api/v1/enterprises/" + id;
        Map<String, Object> patch = Map.of("employees", 400, "annual_revenue", "25000000.00");
        String authority = Api.authority("42");
        problem(Api.as(authority).body(patch).patch(path).then(), 428);
        problem(Api.as(authority).header("If-Match", "\"7\"").body(patch).patch(path).then(), 412);
        Api.as(authority).header("If-Match", "\"0\"").body(patch).patch(path).then().statusCode(200)
                .body("size_class", equalTo("MEDIUM")).header("ETag", equalTo("\"1\""));
        problem(Api.as(authority).header("If-Match", "\"0\"").body(patch).patch(path).then(), 412);
        problem(Api.as(Api.enterprise(UUID.randomUUID())).header("If-Match", "\"1\"").body(patch).patch(path).then(),
                404);
    }

    @Test
    void anOrganisationCannotReclassifyItselfButItsAuthorityCan() {
        Map<String, Object> body = Api.enterpriseBody();
        body.put("industry", "RETAIL");
        UUID id = Api.register(body);
        String path = "/api/v1/enterprises/" + id;
        String self = Api.enterprise(id);
        // A retailer that declared medical supplies would be ESSENTIAL and approved without review.
        problem(Api.as(self).header("If-Match", "*").body(Map.of("industry", "MEDICAL_SUPPLIES")).patch(path).then(), 403)
                .body("errors[0].field", equalTo("industry"));
        problem(Api.as(self).header("If-Match", "*").body(Map.of("employees", 10)).patch(path).then(), 403)
                .body("errors[0].field", equalTo("employees"));
        problem(Api.as(self).header("If-Match", "*").body(Map.of("annual_revenue", "1000.00")).patch(path).then(), 403)
                .body("errors[0].field", equalTo("annual_revenue"));
        Api.as(self).get(path).then().body("industry", equalTo("RETAIL")).body("priority_tier", equalTo("STANDARD"))
                .body("version", equalTo(0));
        // Its own details it still changes, and repeating its classification unchanged is no attempt to change it.
        Api.as(self).header("If-Match", "*").body(Map.of("name", "武汉零售改名有限公司", "industry", "RETAIL", "employees", 250))
                .patch(path).then().statusCode(200).body("name", equalTo("武汉零售改名有限公司"));
        Api.as(Api.authority("42")).header("If-Match", "*").body(Map.of("industry", "MEDICAL_SUPPLIES")).patch(path).then()
                .statusCode(200).body("priority_tier", equalTo("ESSENTIAL"));
        problem(Api.as(Api.authority("33")).header("If-Match", "*").body(Map.of("industry", "RETAIL")).patch(path).then(),
                404);
        Api.as(Api.admin()).header("If-Match", "*").body(Map.of("employees", 1200)).patch(path).then().statusCode(200)
                .body("employees", equalTo(1200));
    }

    @Test
    void suspensionNeedsAnAuthorityInScopeAndAReasonAndHaltsResumption() {
        UUID id = Api.register();
        String path = "/api/v1/enterprises/" + id + "/status";
        problem(Api.as(Api.enterprise(id)).header("If-Match", "\"0\"").body(Map.of("status", "SUSPENDED", "reason", "x"))
                .put(path).then(), 403);
        problem(Api.as(Api.authority("33")).header("If-Match", "\"0\"")
                .body(Map.of("status", "SUSPENDED", "reason", "x")).put(path).then(), 404);
        problem(Api.as(Api.authority("42")).header("If-Match", "\"0\"").body(Map.of("status", "SUSPENDED"))
                .put(path).then(), 400).body("errors[0].field", equalTo("reason"));
        Api.as(Api.authority("42")).header("If-Match", "\"0\"")
                .body(Map.of("status", "SUSPENDED", "reason", "Confirmed case")).put(path).then().statusCode(200)
                .body("status", equalTo("SUSPENDED")).body("status_reason", equalTo("Confirmed case"));
        Api.as(Api.authority("42")).header("If-Match", "*").body(Map.of("status", "ACTIVE")).put(path).then()
                .statusCode(200).body("status", equalTo("ACTIVE")).body("status_reason", nullValue());
    }

    @Test
    void deregisteredRecordsAreClosed() {
        UUID id = Api.register();
        Api.as(Api.admin()).header("If-Match", "*").body(Map.of("status", "DEREGISTERED", "reason", "merged"))
                .put("/api/v1/enterprises/" + id + "/status").then().statusCode(200);
        problem(Api.as(Api.admin()).header("If-Match", "*").body(Map.of("status", "ACTIVE"))
                .put("/api/v1/enterprises/" + id + "/status").then(), 409);
    }

    @Test
    void theWhiteListFlagIsSetByAnAuthority() {
        UUID id = Api.register();
        String path = "/api/v1/enterprises/" + id + "/key-enterprise";
        problem(Api.as(Api.authority("42")).body(Map.of("key_enterprise", true)).put(path).then(), 428);
        Api.as(Api.authority("42")).header("If-Match", "\"0\"").body(Map.of("key_enterprise", true)).put(path).then()
                .statusCode(200).body("key_enterprise", equalTo(true));
        problem(Api.as(Api.authority("42")).header("If-Match", "\"1\"").body(Map.of("key_enterprise", "yes"))
                .put(path).then(), 400).body("errors[0].field", equalTo("key_enterprise"));
    }

    @Test
    void idempotencyKeyReplaysTheFirstAnswerAndRejectsAnotherBody() {
        Map<String, Object> body = Api.enterpriseBody();
        String key = "reg-" + UUID.randomUUID();
        String admin = TestJwt.as("ADMIN").subject("admin-idempotency").token();
        var first = Api.as(admin).header("Idempotency-Key", key).body(body).post("/api/v1/enterprises").then()
                .statusCode(201).extract();
        long after = count();
        var replay = Api.as(admin).header("Idempotency-Key", key).body(body).post("/api/v1/enterprises").then()
                .statusCode(201).header("Idempotent-Replayed", "true").extract();
        assertThat(replay.header("Location")).isEqualTo(first.header("Location"));
        assertThat((String) replay.path("id")).isEqualTo(first.path("id"));
        assertThat(count()).isEqualTo(after);
        Map<String, Object> other = Api.enterpriseBody();
        problem(Api.as(admin).header("Idempotency-Key", key).body(other).post("/api/v1/enterprises").then(), 422);
        // Keys are per caller: another caller's identical key is a separate request.
        Api.as(TestJwt.as("ADMIN").subject("someone-else").token()).header("Idempotency-Key", key).body(other)
                .post("/api/v1/enterprises").then().statusCode(201).header("Idempotent-Replayed", nullValue());
        problem(Api.as(admin).header("Idempotency-Key", "k".repeat(256)).body(other).post("/api/v1/enterprises").then(), 400)
                .body("errors[0].field", equalTo("Idempotency-Key"));
    }

    static ValidatableResponse problem(ValidatableResponse response, int status) {
        return ProblemAssertions.problem(response, status);
    }

    static long count() {
        return Enterprise.count();
    }
}
