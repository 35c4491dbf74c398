package org.fugong.finance.arrears;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.fugong.finance.support.Api;
import org.fugong.finance.support.Claims;
import org.fugong.finance.support.FinanceTest;
import org.fugong.finance.support.RegistryFeed;
import org.fugong.finance.support.RegistryFeed.Known;
import org.fugong.testing.ProblemAssertions;
import org.fugong.testing.TestJwt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/** Claiming arrears, the debtor's answer, the settlement plan and its payments, and who sees what, through the API. */
@QuarkusTest
@FinanceTest
class ArrearsEndpointsTest {

    static final String CLAIMS = "/api/v1/arrears-claims";

    @Inject
    EntityManager em;

    Known creditor;
    Known government;
    Known large;

    @BeforeEach
    void organisations() {
        creditor = RegistryFeed.sme();
        government = Claims.governmentBody("420102");
        large = RegistryFeed.large();
    }

    static ValidatableResponse problem(ValidatableResponse response, int status) {
        return ProblemAssertions.problem(response, status);
    }

    static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai"));
    }

    @Test
    void anSmeClaimsFromAGovernmentBodyWhichAcknowledgesWithItsAuthorityKey() {
        Map<String, Object> body = Claims.claim(government.uscc().toLowerCase(), "386000.5");
        String id = Api.as(Api.enterprise(creditor.id())).body(body).post(CLAIMS).then().statusCode(201)
                .header("Location", containsString(CLAIMS + "/")).header("ETag", "\"0\"")
                .body("creditor_org_id", equalTo(creditor.id().toString()))
                .body("debtor_org_id", equalTo(government.id().toString()))
                .body("debtor_uscc", equalTo(government.uscc())).body("debtor_region_code", equalTo("420102"))
                .body("contract_reference", equalTo(body.get("contract_reference")))
                .body("amount", equalTo("386000.50")).body("paid", equalTo("0.00")).body("outstanding", equalTo("386000.50"))
                .body("due_date", equalTo("2019-12-31")).body("days_overdue", greaterThan(30))
                .body("status", equalTo("CLAIMED")).body("plan", hasSize(0)).body("dispute_reason", nullValue())
                .extract().path("id");
        Api.as(Claims.government(government)).body(Map.of("decision", "ACKNOWLEDGE")).put(CLAIMS + "/" + id + "/response")
                .then().statusCode(200).header("ETag", "\"1\"").body("status", equalTo("ACKNOWLEDGED"));
        Api.as(Api.enterprise(creditor.id())).get(CLAIMS + "/" + id).then().statusCode(200).header("ETag", "\"1\"")
                .body("status", equalTo("ACKNOWLEDGED")).body("responded_at", not(nullValue()));
    }

    @Test
    void onlyTheDebtorsOwnPeopleWithTheRoleOfItsKindAnswer() {
        String toGovernment = Claims.claimed(creditor, government, "100.00", "2019-12-31");
        String toLarge = Claims.claimed(creditor, large, "100.00", "2019-12-31");
        Map<String, String> ack = Map.of("decision", "ACKNOWLEDGE");
        // The stop-gap of an ENTERPRISE key for a government body is over: its key must say what it is.
        problem(Api.as(Api.enterprise(government.id())).body(ack).put(CLAIMS + "/" + toGovernment + "/response").then(), 403)
                .body("detail", containsString("GOVERNMENT_BODY's people answer with a key of role AUTHORITY"));
        // Nor does an AUTHORITY key speak for an enterprise, even one naming it.
        problem(Api.as(TestJwt.as("AUTHORITY").orgId(large.id()).regionScope("11").token()).body(ack)
                .put(CLAIMS + "/" + toLarge + "/response").then(), 403);
        // An authority covering the debtor sees the claim but does not answer for the body.
        String regional = TestJwt.authority("42");
        Api.as(regional).get(CLAIMS + "/" + toGovernment).then().statusCode(200);
        problem(Api.as(regional).body(ack).put(CLAIMS + "/" + toGovernment + "/response").then(), 403);
        problem(Api.as(Api.enterprise(creditor.id())).body(ack).put(CLAIMS + "/" + toGovernment + "/response").then(), 403);
        problem(Api.as(TestJwt.admin()).body(ack).put(CLAIMS + "/" + toGovernment + "/response").then(), 403)
                .body("status", equalTo(403));
        Api.as(Api.enterprise(large.id())).body(ack).put(CLAIMS + "/" + toLarge + "/response").then().statusCode(200);
        Api.as(Api.enterprise(creditor.id())).get(CLAIMS + "/" + toGovernment).then().body("status", equalTo("CLAIMED"));
    }

    static Stream<Arguments> badFields() {
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        return Stream.of(
                Arguments.of("amount", "1.005", "must have at most 2 decimal places"),
                Arguments.of("amount", "-5.00", "must be greater than 0"),
                Arguments.of("amount", "0", "must be greater than 0"),
                Arguments.of("amount", "10000000000000.01", "must be at most 10000000000000.00"),
                Arguments.of("amount", "lots", "must be a number"),
                Arguments.of("amount", null, "must not be null"),
                Arguments.of("debtor_uscc", "91110000100001764A", "check character does not match"),
                Arguments.of("debtor_uscc", "9111", "must be 18 characters"),
                Arguments.of("debtor_uscc", "9".repeat(41), "size must be between 0 and 40"),
                Arguments.of("debtor_uscc", null, "must not be null"),
                Arguments.of("contract_reference", "", "must be 1 to 100 letters, digits, spaces or _/#.()-, starting with a letter or digit"),
                Arguments.of("contract_reference", " CT-1", "must be 1 to 100 letters, digits, spaces or _/#.()-, starting with a letter or digit"),
                Arguments.of("contract_reference", "C".repeat(101), "must be 1 to 100 letters, digits, spaces or _/#.()-, starting with a letter or digit"),
                Arguments.of("contract_reference", "CT;DROP", "must be 1 to 100 letters, digits, spaces or _/#.()-, starting with a letter or digit"),
                Arguments.of("contract_reference", null, "must not be null"),
                Arguments.of("due_date", today, "is not in the past: arrears are payments already overdue"),
                Arguments.of("due_date", "2030-01-01", "is not in the past: arrears are payments already overdue"),
                Arguments.of("due_date", "2019-02-30", "must be a date (YYYY-MM-DD)"),
                Arguments.of("due_date", null, "must not be null"));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("badFields")
    void badInputIs400NamingTheFieldAndClaimsNothing(String field, String value, String message) {
        Map<String, Object> body = Claims.claim(government.uscc(), "100.00");
        body.put(field, value);
        problem(Api.as(Api.enterprise(creditor.id())).body(body).post(CLAIMS).then(), 400)
                .body("errors.field", hasItem(field)).body("errors.message", hasItem(message));
        assertThat(count("SELECT count(*) FROM arrears_claim WHERE creditor_org_id = :n", creditor.id())).isZero();
    }

    @Test
    void theDebtorIsAGovernmentBodyOrALargeEnterpriseTheRegistryKnows() {
        Known small = RegistryFeed.organisation("ENTERPRISE", "SMALL", "110101", "ACTIVE");
        Known hospital = RegistryFeed.organisation("HEALTH_INSTITUTION", "LARGE", "420102", "ACTIVE");
        Known bank = RegistryFeed.organisation("FINANCIAL_INSTITUTION", "LARGE", "110101", "ACTIVE");
        Map.of(RegistryFeed.newUscc("110101"), "is not an organisation registered with the registry",
                small.uscc(), "is a SMALL enterprise; arrears are claimed from government bodies and large enterprises",
                hospital.uscc(), "is a HEALTH_INSTITUTION; arrears are claimed from government bodies and large enterprises",
                bank.uscc(), "is a FINANCIAL_INSTITUTION; arrears are claimed from government bodies and large enterprises",
                creditor.uscc(), "is your own organisation").forEach((uscc, message) ->
                problem(Api.as(Api.enterprise(creditor.id())).body(Claims.claim(uscc, "10.00")).post(CLAIMS).then(), 400)
                        .body("errors[0].field", equalTo("debtor_uscc")).body("errors[0].message", equalTo(message)));
        Api.as(Api.enterprise(creditor.id())).body(Claims.claim(large.uscc(), "10.00")).post(CLAIMS).then().statusCode(201)
                .body("debtor_org_id", equalTo(large.id().toString())).body("debtor_region_code", equalTo("110101"));
    }

    @Test
    void onlyAnActiveSmeAsTheRegistryKnowsItClaims() {
        Map<String, Object> body = Claims.claim(government.uscc(), "10.00");
        problem(Api.as(Api.enterprise(large.id())).body(body).post(CLAIMS).then(), 403)
                .body("detail", containsString("ENTERPRISE LARGE"));
        Known suspended = RegistryFeed.organisation("ENTERPRISE", "MICRO", "420111", "SUSPENDED");
        problem(Api.as(Api.enterprise(suspended.id())).body(body).post(CLAIMS).then(), 409)
                .body("detail", containsString("SUSPENDED"));
        problem(Api.as(Api.enterprise(UUID.randomUUID())).body(body).post(CLAIMS).then(), 409);
        problem(Api.as(TestJwt.as("ENTERPRISE").token()).body(body).post(CLAIMS).then(), 403);
    }

    @Test
    void theSameContractFromTheSameCreditorToTheSameDebtorIsA409() {
        Map<String, Object> body = Claims.claim(government.uscc(), "100.00");
        Api.as(Api.enterprise(creditor.id())).body(body).post(CLAIMS).then().statusCode(201);
        Map<String, Object> again = new HashMap<>(body);
        again.put("amount", "200.00");
        problem(Api.as(Api.enterprise(creditor.id())).body(again).post(CLAIMS).then(), 409)
                .body("errors[0].field", equalTo("contract_reference"));
        Map<String, Object> toOther = new HashMap<>(body);
        toOther.put("debtor_uscc", large.uscc());
        Api.as(Api.enterprise(creditor.id())).body(toOther).post(CLAIMS).then().statusCode(201);
    }

    @Test
    void theSameIdempotencyKeyReplaysTheFirstAnswerAndADifferentBodyIs422() {
        String token = Api.enterprise(creditor.id());
        Map<String, Object> body = Claims.claim(government.uscc(), "500.00");
        String key = "arr-" + UUID.randomUUID();
        String first = Api.as(token).header("Idempotency-Key", key).body(body).post(CLAIMS).then().statusCode(201)
                .extract().path("id");
        Api.as(token).header("Idempotency-Key", key).body(body).post(CLAIMS).then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("id", equalTo(first))
                .header("Location", endsWith(CLAIMS + "/" + first));
        Map<String, Object> other = new HashMap<>(body);
        other.put("amount", "501.00");
        problem(Api.as(token).header("Idempotency-Key", key).body(other).post(CLAIMS).then(), 422);
        assertThat(count("SELECT count(*) FROM arrears_claim WHERE creditor_org_id = :n", creditor.id())).isEqualTo(1);
    }

    @Test
    void theDebtorDisputesWithAReasonAndMayAcknowledgeOnceSettled() {
        String id = Claims.claimed(creditor, large, "100.00", "2019-12-31");
        String debtor = Api.enterprise(large.id());
        problem(Api.as(debtor).body(Map.of("decision", "DISPUTE")).put(CLAIMS + "/" + id + "/response").then(), 400)
                .body("errors[0].field", equalTo("reason"));
        problem(Api.as(debtor).body(Map.of("decision", "DISPUTE", "reason", "x".repeat(1001)))
                .put(CLAIMS + "/" + id + "/response").then(), 400).body("errors[0].field", equalTo("reason"));
        problem(Api.as(debtor).body(Map.of("decision", "PAY_LATER")).put(CLAIMS + "/" + id + "/response").then(), 400)
                .body("errors[0].field", equalTo("decision"));
        Api.as(debtor).body(Map.of("decision", "DISPUTE", "reason", " Lot 3 not yet due ")).put(CLAIMS + "/" + id + "/response")
                .then().statusCode(200).body("status", equalTo("DISPUTED")).body("dispute_reason", equalTo("Lot 3 not yet due"));
        problem(Api.as(debtor).body(Map.of("decision", "DISPUTE", "reason", "again")).put(CLAIMS + "/" + id + "/response")
                .then(), 409);
        Api.as(debtor).body(Map.of("decision", "ACKNOWLEDGE")).put(CLAIMS + "/" + id + "/response").then().statusCode(200)
                .body("status", equalTo("ACKNOWLEDGED")).body("dispute_reason", nullValue());
        problem(Api.as(debtor).body(Map.of("decision", "ACKNOWLEDGE")).put(CLAIMS + "/" + id + "/response").then(), 409);
    }

    @Test
    void aPlanOfDatedInstalmentsThenPaymentsUntilSettled() {
        String id = Claims.claimed(creditor, government, "386000.00", "2019-12-31");
        String debtor = Claims.government(government);
        String plan = CLAIMS + "/" + id + "/settlement-plan";
        problem(Api.as(debtor).body(Claims.plan("386000.00")).put(plan).then(), 409)
                .body("detail", containsString("acknowledges it before"));
        Claims.acknowledged(government, id);
        problem(Api.as(debtor).body(Claims.plan("128666.67", "128666.67", "128666.67")).put(plan).then(), 400)
                .body("errors[0].field", equalTo("instalments"))
                .body("errors[0].message", equalTo("sum to 386000.01 but 386000.00 is outstanding"));
        problem(Api.as(debtor).body(Claims.plan("128666.671", "257333.33")).put(plan).then(), 400)
                .body("errors[0].field", equalTo("instalments[0].amount"));
        problem(Api.as(debtor).body(Map.of("instalments", List.of())).put(plan).then(), 400)
                .body("errors[0].field", equalTo("instalments"));
        problem(Api.as(debtor).body(Map.of("instalments", List.of(Map.of("due_date", "2020-01-01", "amount", "386000.00"))))
                .put(plan).then(), 400).body("errors[0].field", equalTo("instalments[0].due_date"));
        problem(Api.as(Api.enterprise(creditor.id())).body(Claims.plan("386000.00")).put(plan).then(), 403);
        Api.as(debtor).body(Claims.plan("128666.67", "128666.67", "128666.66")).put(plan).then().statusCode(200)
                .header("ETag", "\"2\"").body("status", equalTo("IN_SETTLEMENT")).body("plan", hasSize(3))
                .body("plan[2].amount", equalTo("128666.66")).body("plan[0].paid", equalTo("0.00"))
                .body("plan[0].overdue", equalTo(false)).body("plan_agreed_at", not(nullValue()));
        problem(Api.as(debtor).body(Claims.plan("386000.00")).put(plan).then(), 409)
                .body("detail", containsString("already agreed"));

        String payments = CLAIMS + "/" + id + "/payments";
        problem(Api.as(debtor).body(payment("1.00", today().plusDays(1).toString())).post(payments).then(), 400)
                .body("errors[0].field", equalTo("paid_on"));
        problem(Api.as(debtor).body(payment("386000.01", today().toString())).post(payments).then(), 409)
                .body("errors[0].field", equalTo("amount"));
        problem(Api.as(debtor).body(payment("1.001", today().toString())).post(payments).then(), 400)
                .body("errors[0].field", equalTo("amount"));
        problem(Api.as(Api.enterprise(creditor.id())).body(payment("1.00", today().toString())).post(payments).then(), 403);
        String key = "pay-" + UUID.randomUUID();
        String first = Api.as(debtor).header("Idempotency-Key", key).body(payment("200000.00", today().toString()))
                .post(payments).then().statusCode(201).header("ETag", "\"0\"")
                .header("Location", containsString(payments + "/")).body("amount", equalTo("200000.00"))
                .body("reference", equalTo("TRF-0001")).extract().path("id");
        Api.as(debtor).header("Idempotency-Key", key).body(payment("200000.00", today().toString())).post(payments).then()
                .statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(first));
        Api.as(Api.enterprise(creditor.id())).get(CLAIMS + "/" + id).then().statusCode(200)
                .body("paid", equalTo("200000.00")).body("outstanding", equalTo("186000.00"))
                .body("plan.paid", equalTo(List.of("128666.67", "71333.33", "0.00")));
        Api.as(Api.enterprise(creditor.id())).get(payments + "/" + first).then().statusCode(200).header("ETag", "\"0\"")
                .body("claim_id", equalTo(id)).body("paid_on", equalTo(today().toString()));
        Api.as(debtor).body(payment("186000.00", today().toString())).post(payments).then().statusCode(201);
        Api.as(TestJwt.authority("4201")).get(CLAIMS + "/" + id).then().statusCode(200).body("status", equalTo("SETTLED"))
                .body("outstanding", equalTo("0.00")).body("settled_at", not(nullValue()));
        Api.as(Api.enterprise(creditor.id())).queryParam("limit", 1).get(payments).then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].id", equalTo(first)).body("next_cursor", not(nullValue()));
        problem(Api.as(debtor).body(payment("0.01", today().toString())).post(payments).then(), 409)
                .body("detail", containsString("already settled"));
        String stranger = Api.enterprise(RegistryFeed.sme().id());
        problem(Api.as(stranger).get(payments).then(), 404);
        problem(Api.as(stranger).get(payments + "/" + first).then(), 404);
        problem(Api.as(stranger).body(payment("1.00", today().toString())).post(payments).then(), 404);
        String otherClaim = Claims.claimed(creditor, government, "5.00", "2019-12-31");
        problem(Api.as(debtor).get(CLAIMS + "/" + otherClaim + "/payments/" + first).then(), 404);
    }

    static Map<String, Object> payment(String amount, String paidOn) {
        return Map.of("amount", amount, "paid_on", paidOn, "reference", "TRF-0001");
    }

    @Test
    void creditorDebtorAndAuthoritiesCoveringTheDebtorSeeItAnyoneElseGets404() {
        String id = Claims.claimed(creditor, government, "100.00", "2019-12-31");
        for (String token : List.of(Api.enterprise(creditor.id()), Claims.government(government), TestJwt.admin(),
                TestJwt.authority("42"), TestJwt.authority("420102"))) {
            Api.as(token).get(CLAIMS + "/" + id).then().statusCode(200);
            Api.as(token).get(CLAIMS).then().statusCode(200).body("items.id", hasItem(id));
        }
        // Zhejiang covers the creditor, not the debtor: claims go by where the debtor is.
        for (String token : List.of(TestJwt.authority("33"), Api.enterprise(RegistryFeed.sme().id()),
                TestJwt.authority("4202"))) {
            problem(Api.as(token).get(CLAIMS + "/" + id).then(), 404);
            problem(Api.as(token).get(CLAIMS + "/" + id + "/payments").then(), 404);
            Api.as(token).get(CLAIMS).then().statusCode(200).body("items.id", not(hasItem(id)));
        }
        // A valid answer, so that the scope check is what refuses.
        problem(Api.as(Api.enterprise(RegistryFeed.sme().id())).body(Map.of("decision", "ACKNOWLEDGE"))
                .put(CLAIMS + "/" + id + "/response").then(), 404);
        problem(Api.as(TestJwt.as("AUTHORITY").orgId(UUID.randomUUID()).regionScope("33").token())
                .body(Map.of("decision", "ACKNOWLEDGE")).put(CLAIMS + "/" + id + "/response").then(), 404);
    }

    @Test
    void aGovernmentBodysPeopleListWhatTheirBodyOwesAndWhatTheirRegionHolds() {
        String owed = Claims.claimed(creditor, government, "100.00", "2019-12-31");
        Known elsewhere = Claims.governmentBody("110101");
        String other = Claims.claimed(creditor, elsewhere, "100.00", "2019-12-31");
        // The body's key names it and covers its county: its own claims and those of its region, not Beijing's.
        List<String> seen = Api.as(Claims.government(government)).queryParam("limit", 100).get(CLAIMS).then()
                .statusCode(200).extract().path("items.id");
        assertThat(seen).contains(owed).doesNotContain(other);
        // Beijing's body, with a scope elsewhere, still sees its own.
        String beijing = TestJwt.as("AUTHORITY").orgId(elsewhere.id()).regionScope("4201").token();
        Api.as(beijing).get(CLAIMS + "/" + other).then().statusCode(200);
    }

    @Test
    void listsArePagedByCursorAndFilteredByStatus() {
        List<String> claimed = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            claimed.add(Claims.claimed(creditor, large, (i + 1) + ".00", "2019-12-31"));
        }
        Claims.acknowledged(large, claimed.get(3));
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = Api.as(Api.enterprise(creditor.id())).queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page = request.get(CLAIMS).then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.id"));
            cursor = page.getString("next_cursor");
            pages++;
        } while (cursor != null);
        assertThat(seen).containsExactlyElementsOf(claimed);
        assertThat(pages).isEqualTo(3);
        Api.as(Api.enterprise(creditor.id())).queryParam("status", "ACKNOWLEDGED").get(CLAIMS).then()
                .body("items.id", equalTo(List.of(claimed.get(3))));
        problem(Api.as(Api.enterprise(creditor.id())).queryParam("status", "PAID").get(CLAIMS).then(), 400)
                .body("errors[0].field", equalTo("status"));
        problem(Api.as(Api.enterprise(creditor.id())).queryParam("limit", 0).get(CLAIMS).then(), 400)
                .body("errors[0].field", equalTo("limit"));
        problem(Api.as(Api.enterprise(creditor.id())).queryParam("cursor", "nope").get(CLAIMS).then(), 400)
                .body("errors[0].field", equalTo("cursor"));
    }

    long count(String sql, Object param) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql)
                .setParameter("n", param).getSingleResult()).longValue());
    }
}
