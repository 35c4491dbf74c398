package org.fugong.logistics.pass;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fugong.testing.ProblemAssertions.problem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.containsString;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import org.fugong.logistics.support.Api;
import org.fugong.logistics.support.LogisticsTest;
import org.fugong.logistics.support.RegistryFeed;
import org.fugong.testing.TestJwt;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/** {@code /api/v1/green-passes}: applying, the rule, review, reading, scopes, idempotency, ETags, pages. */
@QuarkusTest
@LogisticsTest
class PassResourceTest {

    static final String PASSES = "/api/v1/green-passes";

    static ExtractableResponse<Response> apply(UUID enterprise, Map<String, Object> body) {
        return Api.as(Api.enterprise(enterprise)).body(body).post(PASSES).then().statusCode(201).extract();
    }

    static Map<String, Object> with(Consumer<Map<String, Object>> change) {
        Map<String, Object> body = Api.pass();
        change.accept(body);
        return body;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> withDriver(String field, Object value) {
        return with(b -> ((Map<String, Object>) b.get("driver")).put(field, value));
    }

    @Test
    void priorityCargoOfAnEssentialEnterpriseIsApprovedAtOnceNumberedAndSigned() {
        UUID enterprise = RegistryFeed.essentialEnterprise("330106");
        ExtractableResponse<Response> created = Api.as(Api.enterprise(enterprise))
                .body(with(b -> b.put("plate", "浙 a１２３４５"))).post(PASSES).then().statusCode(201)
                .header("Location", containsString("/api/v1/green-passes/"))
                .body("status", equalTo("APPROVED"))
                .body("rule", equalTo(PassDecision.APPROVED))
                .body("number", matchesPattern("330106[0-9]{6}"))
                .body("plate", equalTo("浙A12345"))
                .body("enterprise_id", equalTo(enterprise.toString()))
                .body("route", equalTo(List.of("330106", "420000", "420102")))
                .body("origin", equalTo("330106")).body("destination", equalTo("420102"))
                .body("code", notNullValue()).body("key_id", notNullValue())
                .body("driver.name", equalTo("张伟")).body("driver.phone", equalTo(Api.DRIVER_PHONE))
                .body("driver.id_number", equalTo(Api.DRIVER_ID)).body("driver.masked", equalTo(false))
                .extract();
        String id = created.path("id");
        Api.as(Api.enterprise(enterprise)).get(PASSES + "/" + id).then().statusCode(200)
                .header("ETag", equalTo("\"" + created.path("version") + "\""))
                .body("code", equalTo(created.path("code")));
    }

    @Test
    void aStandardEnterpriseWaitsForReviewWithoutACode() {
        UUID enterprise = RegistryFeed.organisation("330106", "ACTIVE", "STANDARD", false);
        String id = Api.as(Api.enterprise(enterprise)).body(Api.pass()).post(PASSES).then().statusCode(201)
                .body("status", equalTo("PENDING_REVIEW")).body("rule", equalTo(PassDecision.ENTERPRISE_NOT_PRIORITY))
                .body("code", nullValue()).extract().path("id");
        problem(Api.as(Api.enterprise(enterprise)).accept("image/png").get(PASSES + "/" + id + "/qr.png").then(), 409);
    }

    @Test
    void aHighDestinationLetsMedicalSuppliesThroughAndSendsComponentsToReview() {
        RegistryFeed.riskLevel("421002", "HIGH", 1); // Shashi, Jingzhou: only this test routes there
        UUID enterprise = RegistryFeed.organisation("330106", "ACTIVE", "KEY_INDUSTRY", false);
        apply(enterprise, Api.pass("330106", "421002", "MEDICAL_SUPPLIES")).path("id");
        assertThat(apply(enterprise, Api.pass("330106", "421002", "MEDICAL_SUPPLIES")).<String>path("rule"))
                .isEqualTo(PassDecision.APPROVED_THROUGH_HIGH_RISK);
        ExtractableResponse<Response> components = apply(enterprise, Api.pass("330106", "421002", "COMPONENTS"));
        assertThat(components.<String>path("status")).isEqualTo("PENDING_REVIEW");
        assertThat(components.<String>path("rule")).isEqualTo(PassDecision.HIGH_RISK_END);
    }

    @Test
    void badInputIs400NamingTheFieldAndWritesNothing() {
        UUID enterprise = RegistryFeed.essentialEnterprise("330106");
        String tooLong = "x".repeat(501);
        Map<String, Map<String, Object>> cases = new java.util.LinkedHashMap<>();
        cases.put("plate", with(b -> b.put("plate", "浙I12345")));
        cases.put("driver.id_number", withDriver("id_number", "110105194912310021"));
        cases.put("driver.phone", withDriver("phone", "12345"));
        cases.put("driver.name", withDriver("name", " "));
        cases.put("driver", with(b -> b.remove("driver")));
        cases.put("route[1]", with(b -> b.put("route", List.of("330106", "999999", "420102"))));
        cases.put("route[2]", with(b -> b.put("route", List.of("330106", "420000", "42010"))));
        cases.put("route[0]", with(b -> b.put("route", List.of("330000", "420102"))));
        cases.put("route", with(b -> b.put("route", List.of("330106"))));
        cases.put("valid_from", with(b -> b.put("valid_from", Api.today().minusDays(1).toString())));
        cases.put("valid_until", with(b -> b.put("valid_until", Api.today().plusDays(14).toString())));
        cases.put("cargo_category", with(b -> b.put("cargo_category", "WEAPONS")));
        cases.put("vehicle_type", with(b -> b.put("vehicle_type", 7)));
        cases.put("cargo_description", with(b -> b.put("cargo_description", tooLong)));
        cases.forEach((field, body) -> problem(Api.as(Api.enterprise(enterprise)).body(body).post(PASSES).then(), 400)
                .body("errors.field", hasItem(field)));
        Api.as(Api.enterprise(enterprise)).get(PASSES).then().statusCode(200).body("items", hasSize(0));
        // The boundaries that are allowed: from today, 14 days both ends included.
        apply(enterprise, with(b -> b.put("valid_until", Api.today().plusDays(13).toString())));
    }

    @Test
    void aWindowEndingBeforeItStartsIs400() {
        UUID enterprise = RegistryFeed.essentialEnterprise("330106");
        problem(Api.as(Api.enterprise(enterprise)).body(with(b -> {
            b.put("valid_from", Api.today().plusDays(2).toString());
            b.put("valid_until", Api.today().plusDays(1).toString());
        })).post(PASSES).then(), 400).body("errors[0].field", equalTo("valid_until"));
        Api.as(Api.enterprise(enterprise)).get(PASSES).then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void onlyAnEnterpriseKnownToLogisticsAppliesAndOnlyForItself() {
        problem(Api.as(TestJwt.authority("33")).body(Api.pass()).post(PASSES).then(), 403);
        problem(Api.as(TestJwt.reader()).body(Api.pass()).post(PASSES).then(), 403);
        problem(Api.as(TestJwt.as("ENTERPRISE").token()).body(Api.pass()).post(PASSES).then(), 403);
        problem(Api.as(Api.enterprise(UUID.randomUUID())).body(Api.pass()).post(PASSES).then(), 409);
        problem(io.restassured.RestAssured.given().contentType(ContentType.JSON).body(Api.pass()).post(PASSES).then(), 401)
                .header("WWW-Authenticate", notNullValue());
    }

    @Test
    void othersPassesAre404AndTheDriverIsMaskedForAuthorities() {
        UUID enterprise = RegistryFeed.essentialEnterprise("330106");
        String id = apply(enterprise, Api.pass()).path("id");
        String path = PASSES + "/" + id;
        for (String outsider : List.of(Api.enterprise(UUID.randomUUID()), TestJwt.authority("41"),
                TestJwt.authority("4202"))) {
            problem(Api.as(outsider).get(path).then(), 404);
            problem(Api.as(outsider).accept("image/png").get(path + "/qr.png").then(), 404);
        }
        problem(Api.as(TestJwt.as("CHECKPOINT").regionScope("33").token()).get(path).then(), 403);
        for (String authority : List.of(TestJwt.authority("33"), TestJwt.authority("4201"))) {
            Api.as(authority).get(path).then().statusCode(200).body("driver.masked", equalTo(true))
                    .body("driver.name", equalTo("张*")).body("driver.phone", equalTo("138****5678"))
                    .body("driver.id_number", equalTo("110105********002X"));
        }
        Api.as(TestJwt.admin()).get(path).then().statusCode(200).body("driver.masked", equalTo(false))
                .body("driver.id_number", equalTo(Api.DRIVER_ID));
        problem(Api.as(TestJwt.admin()).get(PASSES + "/" + UUID.randomUUID()).then(), 404);
    }

    @Test
    void theSameIdempotencyKeyReplaysTheFirstAnswerAndTakesNoSecondNumber() {
        UUID enterprise = RegistryFeed.essentialEnterprise("330108");
        String key = UUID.randomUUID().toString();
        String token = Api.enterprise(enterprise); // one caller: keys are scoped to who sends them
        ExtractableResponse<Response> first = Api.as(token).header("Idempotency-Key", key)
                .body(Api.pass("330108", "420102", "MEDICAL_SUPPLIES")).post(PASSES).then().statusCode(201).extract();
        Api.as(token).header("Idempotency-Key", key)
                .body(Api.pass("330108", "420102", "MEDICAL_SUPPLIES")).post(PASSES).then().statusCode(201)
                .header("Idempotent-Replayed", "true").header("Location", equalTo(first.header("Location")))
                .body("id", equalTo(first.path("id"))).body("number", equalTo(first.path("number")));
        problem(Api.as(token).header("Idempotency-Key", key)
                .body(Api.pass("330108", "420111", "MEDICAL_SUPPLIES")).post(PASSES).then(), 422);
        Api.as(Api.enterprise(enterprise)).get(PASSES).then().body("items", hasSize(1));
        String next = apply(enterprise, Api.pass("330108", "420102", "MEDICAL_SUPPLIES")).path("number");
        assertThat(Long.parseLong(next)).isEqualTo(Long.parseLong(first.path("number")) + 1);
    }

    @Test
    void listsArePagedByCursorFilteredAndScoped() {
        UUID enterprise = RegistryFeed.organisation("330106", "ACTIVE", "ESSENTIAL", false);
        apply(enterprise, Api.pass());
        apply(enterprise, Api.pass());
        apply(enterprise, Api.pass("330106", "420102", "RETURNING_WORKERS"));
        ExtractableResponse<Response> page = Api.as(Api.enterprise(enterprise)).queryParam("limit", 2).get(PASSES)
                .then().statusCode(200).body("items", hasSize(2)).body("next_cursor", notNullValue()).extract();
        Api.as(Api.enterprise(enterprise)).queryParam("limit", 2).queryParam("cursor", page.<String>path("next_cursor"))
                .get(PASSES).then().statusCode(200).body("items", hasSize(1)).body("next_cursor", nullValue())
                .body("items[0].cargo_category", equalTo("RETURNING_WORKERS"))
                .body("items[0].driver.masked", equalTo(false));
        Api.as(Api.enterprise(enterprise)).queryParam("status", "PENDING_REVIEW").get(PASSES).then()
                .body("items", hasSize(1));
        Api.as(Api.enterprise(enterprise)).queryParam("cargo_category", "medical_supplies").get(PASSES).then()
                .body("items", hasSize(2));
        Api.as(Api.enterprise(UUID.randomUUID())).get(PASSES).then().body("items", hasSize(0));
        problem(Api.as(Api.enterprise(enterprise)).queryParam("limit", 101).get(PASSES).then(), 400)
                .body("errors[0].field", equalTo("limit"));
        problem(Api.as(Api.enterprise(enterprise)).queryParam("cursor", "nope").get(PASSES).then(), 400)
                .body("errors[0].field", equalTo("cursor"));
        problem(Api.as(Api.enterprise(enterprise)).queryParam("status", "LOST").get(PASSES).then(), 400)
                .body("errors[0].field", equalTo("status"));
        Api.as(TestJwt.authority("4201")).queryParam("limit", 100).get(PASSES).then().statusCode(200)
                .body("items.findAll { it.enterprise_id == '" + enterprise + "' }", hasSize(3))
                .body("items.driver.masked", org.hamcrest.Matchers.everyItem(equalTo(true)));
        Api.as(TestJwt.authority("41")).queryParam("limit", 100).get(PASSES).then().statusCode(200)
                .body("items.findAll { it.enterprise_id == '" + enterprise + "' }", hasSize(0));
    }

    @Test
    void anAuthorityCoveringTheOriginApprovesOnceAndThePassGetsItsCode() {
        UUID enterprise = RegistryFeed.organisation("330106", "ACTIVE", "STANDARD", false);
        ExtractableResponse<Response> pending = apply(enterprise, Api.pass());
        String id = pending.path("id");
        String decision = PASSES + "/" + id + "/decision";
        Map<String, Object> approve = Map.of("outcome", "APPROVED", "reason", "Route checked with the Hubei office");
        problem(Api.as(TestJwt.authority("42")).body(approve).put(decision).then(), 403); // destination only
        problem(Api.as(TestJwt.authority("41")).body(approve).put(decision).then(), 404);
        problem(Api.as(Api.enterprise(enterprise)).body(approve).put(decision).then(), 403);
        problem(Api.as(TestJwt.authority("33")).body(Map.of("outcome", "APPROVED")).put(decision).then(), 400)
                .body("errors[0].field", equalTo("reason"));
        problem(Api.as(TestJwt.authority("33")).body(Map.of("outcome", "MAYBE", "reason", "x")).put(decision).then(),
                400).body("errors[0].field", equalTo("outcome"));
        Api.as(Api.enterprise(enterprise)).get(PASSES + "/" + id).then().body("status", equalTo("PENDING_REVIEW"));

        Api.as(TestJwt.authority("3301")).body(approve).put(decision).then().statusCode(200)
                .body("status", equalTo("APPROVED")).body("rule", equalTo(PassDecision.ENTERPRISE_NOT_PRIORITY))
                .body("decision_reason", equalTo("Route checked with the Hubei office"))
                .body("code", notNullValue()).body("driver.masked", equalTo(true));
        Api.as(Api.enterprise(enterprise)).get(PASSES + "/" + id).then()
                .header("ETag", org.hamcrest.Matchers.not(equalTo("\"" + pending.path("version") + "\"")));
        problem(Api.as(TestJwt.authority("33")).body(Map.of("outcome", "REFUSED", "reason", "changed my mind"))
                .put(decision).then(), 409);
        problem(Api.as(TestJwt.authority("33")).body(Map.of("outcome", "REFUSED", "reason", "x"))
                .put(PASSES + "/" + UUID.randomUUID() + "/decision").then(), 404);
    }

    @Test
    void aRefusedPassHasNoCode() {
        UUID enterprise = RegistryFeed.organisation("330106", "ACTIVE", "STANDARD", false);
        String id = apply(enterprise, Api.pass()).path("id");
        Api.as(TestJwt.admin()).body(Map.of("outcome", "REFUSED", "reason", "No cargo manifest"))
                .put(PASSES + "/" + id + "/decision").then().statusCode(200).body("status", equalTo("REFUSED"))
                .body("code", nullValue()).body("driver.masked", equalTo(false));
        problem(Api.as(Api.enterprise(enterprise)).accept("image/png").get(PASSES + "/" + id + "/qr.png").then(), 409);
    }
}
