package org.fugong.finance.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.fugong.finance.support.Api;
import org.fugong.finance.support.Claims;
import org.fugong.finance.support.FinanceTest;
import org.fugong.finance.support.RegistryFeed.Known;
import org.fugong.testing.ProblemAssertions;
import org.fugong.testing.TestJwt;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * Administrators maintain policies; everyone reads them; every change is matched against every
 * enterprise before the answer. Each test's policies are limited to a county of its own, so that
 * they never match another test's enterprises.
 */
@QuarkusTest
@FinanceTest
class PolicyEndpointsTest {

    static final String POLICIES = "/api/v1/policies";

    @Inject
    EntityManager em;

    static ValidatableResponse problem(ValidatableResponse response, int status) {
        return ProblemAssertions.problem(response, status);
    }

    static Map<String, Object> smallIn(String county) {
        return Map.of("all_of", List.of(Map.of("size_class", List.of("MICRO", "SMALL")),
                Map.of("region_prefix", List.of(county))));
    }

    static List<String> matchedPolicies(Known enterprise) {
        return Api.as(TestJwt.admin()).queryParam("enterprise_id", enterprise.id()).queryParam("limit", 100)
                .get("/api/v1/policy-matches").then().statusCode(200).extract().path("items.policy_id");
    }

    @Test
    void anAdministratorCreatesAPolicyAndItIsMatchedBeforeTheAnswer() {
        Known small = Claims.enterprise("SMALL", "421381", Map.of());
        Known large = Claims.enterprise("LARGE", "421381", Map.of());
        Known elsewhere = Claims.enterprise("SMALL", "421382", Map.of());
        Map<String, Object> body = Claims.policy(Map.of("all_of", List.of(Map.of("size_class", List.of("SMALL", "MICRO")),
                Map.of("region_prefix", List.of("421381")))));
        String id = Api.as(TestJwt.admin()).body(body).post(POLICIES).then().statusCode(201).header("ETag", "\"0\"")
                .header("Location", containsString(POLICIES + "/")).body("name", equalTo(body.get("name")))
                .body("kind", equalTo("RENT_RELIEF")).body("valid_until", equalTo("2020-04-30"))
                .body("in_force", equalTo(false))
                .body("eligibility.all_of[0].size_class", equalTo(List.of("SMALL", "MICRO")))
                .extract().path("id");
        assertThat(matchedPolicies(small)).contains(id);
        assertThat(matchedPolicies(large)).doesNotContain(id);
        assertThat(matchedPolicies(elsewhere)).doesNotContain(id);
        Api.as(Api.enterprise(small.id())).queryParam("enterprise_id", small.id()).get("/api/v1/policy-matches").then()
                .statusCode(200).body("items.find { it.policy_id == '" + id + "' }.decided_by.attribute",
                        equalTo(List.of("size_class", "region_prefix")))
                .body("items.find { it.policy_id == '" + id + "' }.decided_by.held", equalTo(List.of(true, true)))
                .body("items.find { it.policy_id == '" + id + "' }.grants", equalTo(body.get("grants")));
    }

    @Test
    void aBadRuleIs400NamingEveryBadNodeAndStoresNothing() {
        Map<String, Object> body = Claims.policy(Map.of("all_of", List.of(Map.of("size_class", List.of("HUGE")),
                Map.of("not", Map.of("region_prefix", List.of("4"))), Map.of("employees", Map.of("min", 9, "max", 1)))));
        problem(Api.as(TestJwt.admin()).body(body).post(POLICIES).then(), 400)
                .body("errors.field", equalTo(List.of("eligibility.all_of[0].size_class[0]",
                        "eligibility.all_of[1].not.region_prefix[0]", "eligibility.all_of[2].employees")))
                .body("detail", equalTo("eligibility: 3 rules are not valid"));
        assertThat(policiesNamed(body.get("name"))).isZero();
        Map<String, Object> deep = Map.of("key_enterprise", true);
        for (int i = 0; i < 8; i++) {
            deep = Map.of("not", deep);
        }
        problem(Api.as(TestJwt.admin()).body(Claims.policy(deep)).post(POLICIES).then(), 400)
                .body("errors[0].message", equalTo("nests deeper than 8 levels"));
    }

    @Test
    void everyOtherFieldIsCheckedToo() {
        Map<String, Object> cases = new HashMap<>();
        cases.put("kind", "SUBSIDY");
        cases.put("name", " ");
        cases.put("grants", "g".repeat(2001));
        cases.put("issuing_body", null);
        cases.put("document_number", "n".repeat(101));
        cases.put("valid_from", "2020-02-30");
        cases.put("eligibility", null);
        cases.forEach((field, value) -> {
            Map<String, Object> body = Claims.policy(Map.of("key_enterprise", true));
            body.put(field, value);
            problem(Api.as(TestJwt.admin()).body(body).post(POLICIES).then(), 400).body("errors.field", hasItem(field));
        });
        Map<String, Object> backwards = Claims.policy(Map.of("key_enterprise", true));
        backwards.put("valid_until", "2020-01-31");
        problem(Api.as(TestJwt.admin()).body(backwards).post(POLICIES).then(), 400)
                .body("errors[0].field", equalTo("valid_until"));
    }

    static Map<String, Object> interestSubsidy(Object terms) {
        Map<String, Object> body = Claims.policy(smallIn("421384"));
        body.put("kind", "INTEREST_SUBSIDY");
        body.put("subsidy", terms);
        return body;
    }

    @Test
    void subsidyTermsAreForInterestSubsidiesOnlyAndEachOfThemIsChecked() {
        Map<String, Object> good = Map.of("basis", "RELENDING_RATE", "share_percent", "50", "months", 12);
        Map<String, Object> rent = Claims.policy(smallIn("421384"));
        rent.put("subsidy", good);
        problem(Api.as(TestJwt.admin()).body(rent).post(POLICIES).then(), 400)
                .body("errors[0].field", equalTo("subsidy"));
        Map<String, Object[]> cases = new HashMap<>();
        cases.put("subsidy.basis", new Object[] { "basis", "LPR" });
        cases.put("subsidy.share_percent", new Object[] { "share_percent", "0" });
        cases.put("subsidy.months", new Object[] { "months", 37 });
        cases.forEach((field, change) -> {
            Map<String, Object> terms = new HashMap<>(good);
            terms.put((String) change[0], change[1]);
            problem(Api.as(TestJwt.admin()).body(interestSubsidy(terms)).post(POLICIES).then(), 400)
                    .body("errors.field", hasItem(field));
        });
        for (Object share : List.of("100.01", "33.333")) {
            Map<String, Object> terms = new HashMap<>(good);
            terms.put("share_percent", share);
            problem(Api.as(TestJwt.admin()).body(interestSubsidy(terms)).post(POLICIES).then(), 400)
                    .body("errors.field", hasItem("subsidy.share_percent"));
        }
        for (String missing : List.of("basis", "share_percent", "months")) {
            Map<String, Object> terms = new HashMap<>(good);
            terms.remove(missing);
            problem(Api.as(TestJwt.admin()).body(interestSubsidy(terms)).post(POLICIES).then(), 400)
                    .body("errors.field", hasItem("subsidy." + missing));
        }
        // An interest subsidy may state no terms: it is matched and shown, and splits no schedule.
        Api.as(TestJwt.admin()).body(interestSubsidy(null)).post(POLICIES).then().statusCode(201)
                .body("subsidy", nullValue());
        Api.as(TestJwt.admin()).body(interestSubsidy(good)).post(POLICIES).then().statusCode(201)
                .body("subsidy.basis", equalTo("RELENDING_RATE")).body("subsidy.share_percent", equalTo("50.00"))
                .body("subsidy.months", equalTo(12));
    }

    @Test
    void theSameMeasureOfOneDocumentTwiceIsA409AndIdempotencyKeysReplay() {
        Map<String, Object> body = Claims.policy(smallIn("421383"));
        String admin = TestJwt.admin();
        String key = "pol-" + UUID.randomUUID();
        String first = Api.as(admin).header("Idempotency-Key", key).body(body).post(POLICIES).then().statusCode(201)
                .extract().path("id");
        Api.as(admin).header("Idempotency-Key", key).body(body).post(POLICIES).then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("id", equalTo(first))
                .header("Location", endsWith(POLICIES + "/" + first));
        problem(Api.as(admin).body(body).post(POLICIES).then(), 409).body("errors[0].field", equalTo("name"));
        Map<String, Object> otherDocument = new HashMap<>(body);
        otherDocument.put("document_number", "另一〔2020〕1号");
        Api.as(admin).body(otherDocument).post(POLICIES).then().statusCode(201);
    }

    @Test
    void aChangeNeedsTheVersionTheAdministratorSawAndReMatchesEveryEnterprise() {
        Known first = Claims.enterprise("SMALL", "421126", Map.of("employees", 40));
        Known second = Claims.enterprise("MEDIUM", "421126", Map.of("employees", 400));
        Map<String, Object> body = Claims.policy(Map.of("region_prefix", List.of("421126")));
        String id = Api.as(TestJwt.admin()).body(body).post(POLICIES).then().statusCode(201).extract().path("id");
        assertThat(matchedPolicies(first)).contains(id);
        assertThat(matchedPolicies(second)).contains(id);

        Map<String, Object> narrower = new HashMap<>(body);
        narrower.put("eligibility", Map.of("all_of", List.of(Map.of("region_prefix", List.of("421126")),
                Map.of("employees", Map.of("max", 100)))));
        problem(Api.as(TestJwt.admin()).body(narrower).put(POLICIES + "/" + id).then(), 428);
        problem(Api.as(TestJwt.admin()).header("If-Match", "\"7\"").body(narrower).put(POLICIES + "/" + id).then(), 412);
        problem(Api.as(Api.enterprise(first.id())).header("If-Match", "\"0\"").body(narrower).put(POLICIES + "/" + id)
                .then(), 403);
        Api.as(TestJwt.admin()).header("If-Match", "\"0\"").body(narrower).put(POLICIES + "/" + id).then().statusCode(200)
                .header("ETag", "\"1\"").body("eligibility.all_of[1].employees.max", equalTo(100));
        assertThat(matchedPolicies(first)).contains(id);
        assertThat(matchedPolicies(second)).doesNotContain(id);
        Api.as(TestJwt.reader()).get(POLICIES + "/" + id).then().statusCode(200).header("ETag", "\"1\"");
        // Kept matches are explained by the new rules.
        Api.as(TestJwt.admin()).queryParam("enterprise_id", first.id()).get("/api/v1/policy-matches").then()
                .body("items.find { it.policy_id == '" + id + "' }.decided_by.attribute",
                        equalTo(List.of("region_prefix", "employees")));
        problem(Api.as(TestJwt.admin()).header("If-Match", "\"0\"").body(narrower).put(POLICIES + "/" + id).then(), 412);
    }

    @Test
    void aPolicyChangeReMatchesManyEnterprisesAtOnce() {
        List<Known> county = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            county.add(Claims.enterprise(i % 2 == 0 ? "MICRO" : "LARGE", "421022", Map.of("employees", i)));
        }
        String id = Api.as(TestJwt.admin()).body(Claims.policy(Map.of("all_of", List.of(
                Map.of("region_prefix", List.of("421022")), Map.of("size_class", List.of("MICRO")))))).post(POLICIES)
                .then().statusCode(201).extract().path("id");
        assertThat(count("SELECT count(*) FROM policy_match WHERE policy_id = cast(:n as uuid)", id)).isEqualTo(13);
        for (int i = 0; i < county.size(); i++) {
            assertThat(matchedPolicies(county.get(i)).contains(id)).as("enterprise " + i).isEqualTo(i % 2 == 0);
        }
    }

    @Test
    void everyoneReadsPoliciesPagedAndByKindAndTheSeeded2020MeasuresAreThere() {
        for (String token : List.of(TestJwt.reader(), TestJwt.as("LENDER").orgId(UUID.randomUUID()).token(),
                TestJwt.authority("42"), TestJwt.as("CHECKPOINT").regionScope("42").token())) {
            Api.as(token).get(POLICIES).then().statusCode(200);
        }
        Api.as(TestJwt.reader()).get(POLICIES + "/01706000-0000-7000-8000-000000000006").then().statusCode(200)
                .header("ETag", "\"0\"").body("document_number", equalTo("财金〔2020〕5号"))
                .body("kind", equalTo("INTEREST_SUBSIDY")).body("eligibility", equalTo(Map.of("key_enterprise", true)))
                .body("subsidy.basis", equalTo("RELENDING_RATE")).body("subsidy.share_percent", equalTo("50.00"))
                .body("subsidy.months", equalTo(12));
        Api.as(TestJwt.reader()).queryParam("kind", "SOCIAL_SECURITY_RELIEF").queryParam("limit", 100).get(POLICIES)
                .then().statusCode(200).body("items.kind", everyItem(equalTo("SOCIAL_SECURITY_RELIEF")))
                .body("items.id", hasItems("01706000-0000-7000-8000-000000000001", "01706000-0000-7000-8000-000000000002",
                        "01706000-0000-7000-8000-000000000003"))
                .body("items.document_number", everyItem(equalTo("人社部发〔2020〕11号")));
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var request = Api.as(TestJwt.reader()).queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page = request.get(POLICIES).then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.id"));
            cursor = page.getString("next_cursor");
        } while (cursor != null);
        assertThat(seen).doesNotHaveDuplicates().isSorted().contains("01706000-0000-7000-8000-000000000004");
        problem(Api.as(TestJwt.reader()).queryParam("kind", "BAILOUT").get(POLICIES).then(), 400)
                .body("errors[0].field", equalTo("kind"));
        problem(Api.as(TestJwt.reader()).queryParam("cursor", "x").get(POLICIES).then(), 400)
                .body("errors[0].field", equalTo("cursor"));
        Api.as(TestJwt.reader()).get(POLICIES).then().body("items.id", not(hasItem("not-an-id")));
    }

    long policiesNamed(Object name) {
        return count("SELECT count(*) FROM policy WHERE name = :n", name);
    }

    long count(String sql, Object param) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql)
                .setParameter("n", param).getSingleResult()).longValue());
    }
}
