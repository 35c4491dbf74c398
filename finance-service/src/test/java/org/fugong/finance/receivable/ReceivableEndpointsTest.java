package org.fugong.finance.receivable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.fugong.finance.support.Api;
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

/** Recording, confirming and disputing receivables, and who sees them, through the API. */
@QuarkusTest
@FinanceTest
class ReceivableEndpointsTest {

    @Inject
    EntityManager em;

    @Inject
    Pledges pledges;

    Known creditor;
    Known debtor;

    @BeforeEach
    void organisations() {
        creditor = RegistryFeed.sme();
        debtor = RegistryFeed.large();
    }

    static ValidatableResponse problem(ValidatableResponse response, int status) {
        return ProblemAssertions.problem(response, status);
    }

    @Test
    void anSmeRecordsAnInvoiceOwedToItAwaitingTheDebtorsConfirmation() {
        Map<String, Object> body = Api.receivable(debtor.uscc().toLowerCase(), "1250000.5");
        ValidatableResponse created = Api.as(Api.enterprise(creditor.id())).body(body).post("/api/v1/receivables").then()
                .statusCode(201).header("Location", containsString("/api/v1/receivables/")).header("ETag", "\"0\"")
                .body("creditor_org_id", equalTo(creditor.id().toString()))
                .body("debtor_org_id", equalTo(debtor.id().toString()))
                .body("debtor_uscc", equalTo(debtor.uscc()))
                .body("invoice_number", equalTo(body.get("invoice_number")))
                .body("amount", equalTo("1250000.50"))
                .body("issue_date", equalTo("2020-01-15")).body("due_date", equalTo("2020-04-15"))
                .body("status", equalTo("AWAITING_CONFIRMATION"))
                .body("dispute_reason", nullValue());
        String id = created.extract().path("id");
        Api.as(Api.enterprise(creditor.id())).get("/api/v1/receivables/" + id).then().statusCode(200)
                .header("ETag", "\"0\"").body("amount", equalTo("1250000.50"));
    }

    @Test
    void anAmountSentAsAJsonNumberIsReadExactly() {
        Map<String, Object> body = Api.receivable(debtor.uscc(), null);
        body.put("amount", new java.math.BigDecimal("9999999999999.99"));
        Api.as(Api.enterprise(creditor.id())).body(body).post("/api/v1/receivables").then().statusCode(201)
                .body("amount", equalTo("9999999999999.99"));
    }

    @Test
    void theSameInvoiceNumberFromTheSameCreditorToTheSameDebtorIsA409() {
        Map<String, Object> body = Api.receivable(debtor.uscc(), "100.00");
        Api.as(Api.enterprise(creditor.id())).body(body).post("/api/v1/receivables").then().statusCode(201);
        Map<String, Object> again = new HashMap<>(body);
        again.put("amount", "200.00");
        problem(Api.as(Api.enterprise(creditor.id())).body(again).post("/api/v1/receivables").then(), 409)
                .body("errors[0].field", equalTo("invoice_number"));
        // The same number to another debtor, or from another creditor, is another invoice.
        Known otherDebtor = RegistryFeed.large();
        Map<String, Object> toOther = new HashMap<>(body);
        toOther.put("debtor_uscc", otherDebtor.uscc());
        Api.as(Api.enterprise(creditor.id())).body(toOther).post("/api/v1/receivables").then().statusCode(201);
        Known otherCreditor = RegistryFeed.sme();
        Api.as(Api.enterprise(otherCreditor.id())).body(body).post("/api/v1/receivables").then().statusCode(201);
        assertThat(count("SELECT count(*) FROM receivable WHERE invoice_number = :n", body.get("invoice_number")))
                .isEqualTo(3);
    }

    static Stream<Arguments> badFields() {
        String oversized = "9".repeat(41);
        return Stream.of(
                Arguments.of("amount", "1.005", "must have at most 2 decimal places"),
                Arguments.of("amount", "1.000", "must have at most 2 decimal places"),
                Arguments.of("amount", "-5.00", "must be greater than 0"),
                Arguments.of("amount", "0.00", "must be greater than 0"),
                Arguments.of("amount", "10000000000000.01", "must be at most 10000000000000.00"),
                Arguments.of("amount", "lots", "must be a number"),
                Arguments.of("amount", null, "must not be null"),
                Arguments.of("debtor_uscc", "91110000100001764A", "check character does not match"),
                Arguments.of("debtor_uscc", "9111", "must be 18 characters"),
                Arguments.of("debtor_uscc", oversized, "size must be between 0 and 40"),
                Arguments.of("debtor_uscc", null, "must not be null"),
                Arguments.of("invoice_number", "INV 1", "must be 1 to 64 letters, digits, '-', '_' or '/'"),
                Arguments.of("invoice_number", "", "must be 1 to 64 letters, digits, '-', '_' or '/'"),
                Arguments.of("invoice_number", "X".repeat(65), "must be 1 to 64 letters, digits, '-', '_' or '/'"),
                Arguments.of("issue_date", "2020-13-01", "must be a date (YYYY-MM-DD)"),
                Arguments.of("issue_date", LocalDate.now().plusDays(3).toString(), "is in the future"),
                Arguments.of("due_date", "2020-01-14", "is before the issue date"),
                Arguments.of("due_date", null, "must not be null"));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("badFields")
    void badInputIs400NamingTheFieldAndRecordsNothing(String field, String value, String message) {
        Map<String, Object> body = Api.receivable(debtor.uscc(), "100.00");
        body.put(field, value);
        problem(Api.as(Api.enterprise(creditor.id())).body(body).post("/api/v1/receivables").then(), 400)
                .body("errors.field", hasItem(field)).body("errors.message", hasItem(message));
        assertThat(count("SELECT count(*) FROM receivable WHERE creditor_org_id = :n", creditor.id())).isZero();
    }

    @Test
    void theDebtorMustBeAnEnterpriseOrGovernmentBodyTheRegistryKnowsAndNotTheCreditorItself() {
        String unknown = RegistryFeed.newUscc("110101");
        Known hospital = RegistryFeed.organisation("HEALTH_INSTITUTION", "LARGE", "420102", "ACTIVE");
        Known government = RegistryFeed.organisation("GOVERNMENT_BODY", "LARGE", "420102", "ACTIVE");
        Map.of(unknown, "is not an organisation registered with the registry",
                hospital.uscc(), "is a HEALTH_INSTITUTION; debtors are enterprises and government bodies",
                creditor.uscc(), "is your own organisation").forEach((uscc, message) ->
                problem(Api.as(Api.enterprise(creditor.id())).body(Api.receivable(uscc, "10.00"))
                        .post("/api/v1/receivables").then(), 400)
                        .body("errors[0].field", equalTo("debtor_uscc")).body("errors[0].message", equalTo(message)));
        Api.as(Api.enterprise(creditor.id())).body(Api.receivable(government.uscc(), "10.00")).post("/api/v1/receivables")
                .then().statusCode(201).body("debtor_org_id", equalTo(government.id().toString()));
    }

    @Test
    void onlyAnActiveSmeAsTheRegistryKnowsItRecordsReceivables() {
        Map<String, Object> body = Api.receivable(debtor.uscc(), "10.00");
        problem(Api.as(Api.enterprise(debtor.id())).body(body).post("/api/v1/receivables").then(), 403)
                .body("detail", org.hamcrest.Matchers.containsString("ENTERPRISE LARGE"));
        Known bank = RegistryFeed.organisation("FINANCIAL_INSTITUTION", "LARGE", "110101", "ACTIVE");
        problem(Api.as(Api.enterprise(bank.id())).body(body).post("/api/v1/receivables").then(), 403);
        Known suspended = RegistryFeed.organisation("ENTERPRISE", "MICRO", "420111", "SUSPENDED");
        problem(Api.as(Api.enterprise(suspended.id())).body(body).post("/api/v1/receivables").then(), 409)
                .body("detail", org.hamcrest.Matchers.containsString("SUSPENDED"));
        problem(Api.as(Api.enterprise(UUID.randomUUID())).body(body).post("/api/v1/receivables").then(), 409);
        problem(Api.as(TestJwt.as("ENTERPRISE").token()).body(body).post("/api/v1/receivables").then(), 403);
        // MEDIUM and MICRO are SMEs too.
        for (String size : List.of("MEDIUM", "MICRO")) {
            Known sme = RegistryFeed.organisation("ENTERPRISE", size, "420111", "ACTIVE");
            Api.as(Api.enterprise(sme.id())).body(Api.receivable(debtor.uscc(), "10.00")).post("/api/v1/receivables")
                    .then().statusCode(201);
        }
    }

    @Test
    void theSameIdempotencyKeyReplaysTheFirstAnswerAndADifferentBodyIs422() {
        // One caller: keys are scoped to the caller's subject, and every token minted here has its own.
        String token = Api.enterprise(creditor.id());
        Map<String, Object> body = Api.receivable(debtor.uscc(), "500.00");
        String key = "rcv-" + UUID.randomUUID();
        String first = Api.as(token).header("Idempotency-Key", key).body(body)
                .post("/api/v1/receivables").then().statusCode(201).extract().path("id");
        Api.as(token).header("Idempotency-Key", key).body(body).post("/api/v1/receivables")
                .then().statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(first))
                .header("Location", endsWith("/api/v1/receivables/" + first));
        Map<String, Object> other = new HashMap<>(body);
        other.put("amount", "501.00");
        problem(Api.as(token).header("Idempotency-Key", key).body(other).post("/api/v1/receivables").then(), 422);
        problem(Api.as(token).header("Idempotency-Key", "no spaces allowed").body(body)
                .post("/api/v1/receivables").then(), 400).body("errors[0].field", equalTo("Idempotency-Key"));
        assertThat(count("SELECT count(*) FROM receivable WHERE creditor_org_id = :n", creditor.id())).isEqualTo(1);
    }

    @Test
    void theDebtorConfirmsAndTheConfirmationIsFinal() {
        String id = Api.recorded(creditor.id(), debtor.uscc(), "100.00");
        Api.as(Api.enterprise(debtor.id())).body(Map.of("decision", "CONFIRM")).put("/api/v1/receivables/" + id + "/decision")
                .then().statusCode(200).header("ETag", "\"1\"").body("status", equalTo("CONFIRMED"))
                .body("decided_at", not(nullValue()));
        problem(Api.as(Api.enterprise(debtor.id())).body(Map.of("decision", "DISPUTE", "reason", "after all"))
                .put("/api/v1/receivables/" + id + "/decision").then(), 409);
        problem(Api.as(Api.enterprise(debtor.id())).body(Map.of("decision", "CONFIRM"))
                .put("/api/v1/receivables/" + id + "/decision").then(), 409);
        Api.as(Api.enterprise(creditor.id())).get("/api/v1/receivables/" + id).then().header("ETag", "\"1\"")
                .body("status", equalTo("CONFIRMED"));
    }

    @Test
    void theDebtorDisputesWithAReasonAndMayConfirmOnceItIsSettled() {
        String id = Api.recorded(creditor.id(), debtor.uscc(), "100.00");
        problem(Api.as(Api.enterprise(debtor.id())).body(Map.of("decision", "DISPUTE"))
                .put("/api/v1/receivables/" + id + "/decision").then(), 400).body("errors[0].field", equalTo("reason"));
        problem(Api.as(Api.enterprise(debtor.id())).body(Map.of("decision", "DISPUTE", "reason", "x".repeat(1001)))
                .put("/api/v1/receivables/" + id + "/decision").then(), 400).body("errors[0].field", equalTo("reason"));
        problem(Api.as(Api.enterprise(debtor.id())).body(Map.of("decision", "IGNORE"))
                .put("/api/v1/receivables/" + id + "/decision").then(), 400).body("errors[0].field", equalTo("decision"));
        Api.as(Api.enterprise(debtor.id())).body(Map.of("decision", "DISPUTE", "reason", " Lot 2 was not delivered "))
                .put("/api/v1/receivables/" + id + "/decision").then().statusCode(200)
                .body("status", equalTo("DISPUTED")).body("dispute_reason", equalTo("Lot 2 was not delivered"));
        Api.as(Api.enterprise(debtor.id())).body(Map.of("decision", "CONFIRM")).put("/api/v1/receivables/" + id + "/decision")
                .then().statusCode(200).body("status", equalTo("CONFIRMED")).body("dispute_reason", nullValue());
    }

    @Test
    void theCreditorSeesItsReceivableButCannotAnswerForTheDebtor() {
        String id = Api.recorded(creditor.id(), debtor.uscc(), "100.00");
        problem(Api.as(Api.enterprise(creditor.id())).body(Map.of("decision", "CONFIRM"))
                .put("/api/v1/receivables/" + id + "/decision").then(), 403);
        problem(Api.as(TestJwt.admin()).body(Map.of("decision", "CONFIRM"))
                .put("/api/v1/receivables/" + id + "/decision").then(), 403);
        Api.as(Api.enterprise(creditor.id())).get("/api/v1/receivables/" + id).then().body("status",
                equalTo("AWAITING_CONFIRMATION"));
    }

    @Test
    void creditorAndDebtorSeeItAnyoneElseGets404AndAdministratorsSeeAll() {
        String id = Api.recorded(creditor.id(), debtor.uscc(), "100.00");
        for (UUID party : List.of(creditor.id(), debtor.id())) {
            Api.as(Api.enterprise(party)).get("/api/v1/receivables/" + id).then().statusCode(200);
            Api.as(Api.enterprise(party)).get("/api/v1/receivables/" + id + "/pledge").then().statusCode(200);
            Api.as(Api.enterprise(party)).get("/api/v1/receivables").then().statusCode(200).body("items.id", hasItem(id));
        }
        Api.as(TestJwt.admin()).get("/api/v1/receivables/" + id).then().statusCode(200);
        String stranger = Api.enterprise(RegistryFeed.sme().id());
        problem(Api.as(stranger).get("/api/v1/receivables/" + id).then(), 404);
        problem(Api.as(stranger).get("/api/v1/receivables/" + id + "/pledge").then(), 404);
        // A valid body, so that the scope check is what answers.
        problem(Api.as(stranger).body(Map.of("decision", "CONFIRM")).put("/api/v1/receivables/" + id + "/decision")
                .then(), 404);
        Api.as(stranger).get("/api/v1/receivables").then().statusCode(200).body("items.id", not(hasItem(id)));
        Api.as(Api.enterprise(debtor.id())).get("/api/v1/receivables/" + id).then().body("status",
                equalTo("AWAITING_CONFIRMATION"));
    }

    @Test
    void listsArePagedByCursorAndFilteredByStatus() {
        List<String> recorded = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            recorded.add(Api.recorded(creditor.id(), debtor.uscc(), (i + 1) + ".00"));
        }
        Api.as(Api.enterprise(debtor.id())).body(Map.of("decision", "CONFIRM"))
                .put("/api/v1/receivables/" + recorded.get(2) + "/decision").then().statusCode(200);
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = Api.as(Api.enterprise(creditor.id())).queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page = request.get("/api/v1/receivables").then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.id"));
            cursor = page.getString("next_cursor");
            pages++;
        } while (cursor != null);
        assertThat(seen).containsExactlyElementsOf(recorded);
        assertThat(pages).isEqualTo(3);
        Api.as(Api.enterprise(creditor.id())).queryParam("status", "CONFIRMED").get("/api/v1/receivables").then()
                .body("items.id", equalTo(List.of(recorded.get(2))));
        problem(Api.as(Api.enterprise(creditor.id())).queryParam("status", "PAID").get("/api/v1/receivables").then(), 400)
                .body("errors[0].field", equalTo("status"));
        problem(Api.as(Api.enterprise(creditor.id())).queryParam("limit", 101).get("/api/v1/receivables").then(), 400)
                .body("errors[0].field", equalTo("limit"));
        problem(Api.as(Api.enterprise(creditor.id())).queryParam("cursor", "nope").get("/api/v1/receivables").then(), 400)
                .body("errors[0].field", equalTo("cursor"));
    }

    @Test
    void thePledgeRegistryShowsWhichLenderAConfirmedReceivableBacks() {
        Known bank = RegistryFeed.organisation("FINANCIAL_INSTITUTION", "LARGE", "110101", "ACTIVE");
        String id = Api.confirmed(creditor.id(), debtor, "100000.00");
        Api.as(Api.enterprise(creditor.id())).get("/api/v1/receivables/" + id + "/pledge").then().statusCode(200)
                .body("receivable_id", equalTo(id)).body("pledged", equalTo(false))
                .body("lender_org_id", nullValue());
        UUID application = UUID.randomUUID();
        pledges.pledge(UUID.fromString(id), application, bank.id());
        Api.as(Api.enterprise(debtor.id())).get("/api/v1/receivables/" + id + "/pledge").then().statusCode(200)
                .body("pledged", equalTo(true)).body("application_id", equalTo(application.toString()))
                .body("lender_org_id", equalTo(bank.id().toString())).body("pledged_at", not(nullValue()));
    }

    long count(String sql, Object param) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql)
                .setParameter("n", param).getSingleResult()).longValue());
    }
}
