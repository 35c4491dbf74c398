package org.fugong.finance.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.fugong.finance.support.Api;
import org.fugong.finance.support.Applications;
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

/** Applying for financing: what is checked, who is eligible, who sees what. */
@QuarkusTest
@FinanceTest
class ApplicationEndpointsTest {

    static final String PATH = Applications.PATH;

    @Inject
    EntityManager em;

    Known sme;
    Known bankA;
    Known bankB;

    @BeforeEach
    void organisations() {
        sme = RegistryFeed.sme();
        bankA = RegistryFeed.lender();
        bankB = RegistryFeed.lender();
    }

    static ValidatableResponse problem(ValidatableResponse response, int status) {
        return ProblemAssertions.problem(response, status);
    }

    @Test
    void anSmeAppliesToTwoLendersAtOnceEachPending() {
        Map<String, Object> body = Applications.workingCapital("1000000.5", bankA.id(), bankB.id());
        ValidatableResponse created = Api.as(Api.enterprise(sme.id())).body(body).post(PATH).then().statusCode(201)
                .header("Location", containsString(PATH + "/")).header("ETag", "\"0\"")
                .body("applicant_org_id", equalTo(sme.id().toString()))
                .body("product", equalTo("WORKING_CAPITAL_LOAN")).body("amount", equalTo("1000000.50"))
                .body("term_months", equalTo(12)).body("days_of_cash_left", equalTo(9))
                .body("status", equalTo("SUBMITTED")).body("eligibility_rule", equalTo("SME"))
                .body("special_relending", equalTo(false))
                .body("lenders.lender_org_id", hasItem(bankA.id().toString()))
                .body("lenders.status", equalTo(List.of("PENDING", "PENDING")))
                .body("lenders[0].offer", nullValue())
                // The registry's example is an ESSENTIAL medical-supply maker in Zhejiang, SMALL, not key: 30 + 25 + 14
                .body("priority.score", equalTo(69))
                .body("priority.factors.factor", equalTo(List.of("ESSENTIAL_TIER", "MEDICAL_SUPPLY_MAKER", "KEY_ENTERPRISE",
                        "MICRO_SIZE", "DAYS_OF_CASH_LEFT", "HUBEI")))
                .body("priority.factors.points", equalTo(List.of(30, 25, 0, 0, 14, 0)));
        String id = created.extract().path("id");
        Api.as(Api.enterprise(sme.id())).get(PATH + "/" + id).then().statusCode(200).header("ETag", "\"0\"")
                .body("amount", equalTo("1000000.50"));
    }

    static Stream<Arguments> badFields() {
        return Stream.of(
                Arguments.of("amount", "1.005", "must have at most 2 decimal places"),
                Arguments.of("amount", "100.000", "must have at most 2 decimal places"),
                Arguments.of("amount", "-5.00", "must be greater than 0"),
                Arguments.of("amount", "0", "must be greater than 0"),
                Arguments.of("amount", "10000000000000.01", "must be at most 10000000000000.00"),
                Arguments.of("amount", "99999999999999999", "must be at most 10000000000000.00"),
                Arguments.of("amount", "much", "must be a number"),
                Arguments.of("amount", null, "must not be null"),
                Arguments.of("term_months", 0, "must be at least 1 month"),
                Arguments.of("term_months", 600, "must be at most 360 months"),
                Arguments.of("term_months", "twelve", "must be an integer"),
                Arguments.of("days_of_cash_left", -1, "must be greater than or equal to 0"),
                Arguments.of("days_of_cash_left", 3651, "must be less than or equal to 3650"),
                Arguments.of("purpose", "   ", "must not be blank"),
                Arguments.of("purpose", "x".repeat(1001), "size must be between 1 and 1000"),
                Arguments.of("product", "MORTGAGE",
                        "must be one of [RECEIVABLES_FINANCING, WORKING_CAPITAL_LOAN, LOAN_EXTENSION, GUARANTEE]"),
                Arguments.of("product", null, "must not be null"),
                Arguments.of("lender_org_ids", List.of(), "must name 1 to 10 lenders"),
                Arguments.of("lender_org_ids", null, "must not be null"),
                Arguments.of("receivable_ids", List.of(UUID.randomUUID().toString()),
                        "only RECEIVABLES_FINANCING is backed by receivables"));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("badFields")
    void badInputIs400NamingTheFieldAndSubmitsNothing(String field, Object value, String message) {
        Map<String, Object> body = Applications.workingCapital("1000.00", bankA.id());
        body.put(field, value);
        problem(Api.as(Api.enterprise(sme.id())).body(body).post(PATH).then(), 400)
                .body("errors.field", hasItem(field)).body("errors.message", hasItem(message));
        assertThat(applicationsOf(sme.id())).isZero();
    }

    @Test
    void lendersMustBeDistinctActiveFinancialInstitutionsTheRegistryKnows() {
        Known suspendedBank = RegistryFeed.organisation("FINANCIAL_INSTITUTION", "LARGE", "110101", "SUSPENDED");
        Known debtor = RegistryFeed.large();
        UUID unknown = UUID.randomUUID();
        Map<List<UUID>, String> cases = Map.of(
                List.of(bankA.id(), bankA.id()), "names a lender more than once",
                List.of(bankA.id(), unknown), unknown + " is not a financial institution known to the registry",
                List.of(debtor.id()), debtor.id() + " is not a financial institution known to the registry",
                List.of(suspendedBank.id()), suspendedBank.id() + " is SUSPENDED in the registry");
        cases.forEach((lenders, message) -> problem(Api.as(Api.enterprise(sme.id()))
                .body(Applications.body("GUARANTEE", "10.00", lenders)).post(PATH).then(), 400)
                .body("errors[0].field", equalTo("lender_org_ids")).body("errors[0].message", equalTo(message)));
        List<UUID> eleven = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            eleven.add(UUID.randomUUID());
        }
        problem(Api.as(Api.enterprise(sme.id())).body(Applications.body("GUARANTEE", "10.00", eleven)).post(PATH).then(),
                400).body("errors[0].field", equalTo("lender_org_ids"));
        assertThat(applicationsOf(sme.id())).isZero();
    }

    @Test
    void eligibilityComesFromTheRegistryAndTheFailedRuleIsNamed() {
        Known large = RegistryFeed.large();
        problem(Api.as(Api.enterprise(large.id())).body(Applications.workingCapital("10.00", bankA.id())).post(PATH)
                .then(), 403).body("type", equalTo("urn:fugong:problem:ineligible"))
                .body("detail", startsWith("NOT_AN_SME:")).body("detail", containsString("LARGE"));
        Known suspended = RegistryFeed.organisation("ENTERPRISE", "MICRO", "420111", "SUSPENDED");
        problem(Api.as(Api.enterprise(suspended.id())).body(Applications.body("GUARANTEE", "10.00", List.of(bankA.id())))
                .post(PATH).then(), 409).body("detail", startsWith("NOT_ACTIVE:"));
        problem(Api.as(Api.enterprise(bankB.id())).body(Applications.workingCapital("10.00", bankA.id())).post(PATH)
                .then(), 403).body("detail", startsWith("NOT_AN_ENTERPRISE:"));
        problem(Api.as(Api.enterprise(UUID.randomUUID())).body(Applications.workingCapital("10.00", bankA.id()))
                .post(PATH).then(), 409);
        problem(Api.as(TestJwt.as("ENTERPRISE").token()).body(Applications.workingCapital("10.00", bankA.id()))
                .post(PATH).then(), 403);
    }

    @Test
    void aKeyEnterpriseOfAnySizeMayAskForAWorkingCapitalLoanUnderTheSpecialRelendingOnly() {
        Known keyLarge = RegistryFeed.organisation("ENTERPRISE", "LARGE", "420102", "ACTIVE",
                Map.of("key_enterprise", true));
        Api.as(Api.enterprise(keyLarge.id())).body(Applications.workingCapital("50000000.00", bankA.id())).post(PATH)
                .then().statusCode(201).body("eligibility_rule", equalTo("KEY_ENTERPRISE_SPECIAL_RELENDING"))
                .body("special_relending", equalTo(true))
                .body("priority.factors.points", equalTo(List.of(30, 25, 20, 0, 14, 15)));
        problem(Api.as(Api.enterprise(keyLarge.id())).body(Applications.body("GUARANTEE", "10.00", List.of(bankA.id())))
                .post(PATH).then(), 403).body("detail", startsWith("NOT_AN_SME:"));
    }

    @Test
    void anSmeGrowingToLargeInTheRegistryCanNoLongerApply() {
        Applications.submitted(sme.id(), Applications.workingCapital("10.00", bankA.id()));
        // Not on the white list (the contract's example of an update puts it there).
        RegistryFeed.change(sme, 1, "ACTIVE", Map.of("size_class", "LARGE", "employees", 1200,
                "annual_revenue", "500000000.00", "key_enterprise", false), "fugong.registry.enterprise.updated");
        // The same body it sent before; what changed is what the registry says of it.
        problem(Api.as(Api.enterprise(sme.id())).body(Applications.workingCapital("10.00", bankA.id())).post(PATH)
                .then(), 403).body("detail", startsWith("NOT_AN_SME:"));
        assertThat(applicationsOf(sme.id())).isEqualTo(1);
    }

    @Test
    void receivablesFinancingPledgesConfirmedReceivablesUpToTheAdvanceRate() {
        Known debtor = RegistryFeed.large();
        String first = Api.confirmed(sme.id(), debtor, "600000.00");
        String second = Api.confirmed(sme.id(), debtor, "400000.01");
        // 80 % of 1,000,000.01 is 800,000.008: 800,000.00 is within it, 800,000.01 is not.
        problem(Api.as(Api.enterprise(sme.id())).body(Applications.receivablesFinancing("800000.01",
                List.of(first, second), bankA.id())).post(PATH).then(), 400).body("errors[0].field", equalTo("amount"))
                .body("errors[0].message", containsString("80 % of the receivables' outstanding face value 1000000.01"));
        var submitted = Api.as(Api.enterprise(sme.id())).body(Applications.receivablesFinancing("800000.00",
                List.of(second, first), bankA.id(), bankB.id())).post(PATH).then().statusCode(201)
                .body("receivable_ids", hasSize(2)).body("receivable_ids", hasItem(first)).extract();
        String id = submitted.path("id");
        // The submission's answer lists them as every read of the application does, in the same order.
        List<String> read = Api.as(Api.enterprise(sme.id())).get(PATH + "/" + id).then().statusCode(200)
                .extract().path("receivable_ids");
        assertThat(submitted.<List<String>>path("receivable_ids")).containsExactlyElementsOf(read)
                .containsExactlyElementsOf(Stream.of(first, second).sorted().toList());
        // The pledge registry shows it, before no lender yet: the applicant has not chosen.
        Api.as(Api.enterprise(sme.id())).get("/api/v1/receivables/" + first + "/pledge").then().statusCode(200)
                .body("pledged", equalTo(true)).body("application_id", equalTo(id)).body("lender_org_id", nullValue());
        // A receivable backs one live application: a second one is a 409, and pledges nothing.
        String third = Api.confirmed(sme.id(), debtor, "100.00");
        problem(Api.as(Api.enterprise(sme.id())).body(Applications.receivablesFinancing("10.00", List.of(third, first),
                bankA.id())).post(PATH).then(), 409).body("errors[0].field", equalTo("receivable_ids"));
        Api.as(Api.enterprise(sme.id())).get("/api/v1/receivables/" + third + "/pledge").then().body("pledged",
                equalTo(false));
        assertThat(applicationsOf(sme.id())).isEqualTo(1);
    }

    @Test
    void onlyTheApplicantsOwnConfirmedReceivablesBackItOnceEach() {
        Known debtor = RegistryFeed.large();
        String awaiting = Api.recorded(sme.id(), debtor.uscc(), "100.00");
        Known other = RegistryFeed.sme();
        String othersConfirmed = Api.confirmed(other.id(), debtor, "100.00");
        String mine = Api.confirmed(sme.id(), debtor, "100.00");
        UUID unknown = UUID.randomUUID();
        Map<List<String>, String> cases = Map.of(
                List.of(), "is required for RECEIVABLES_FINANCING",
                List.of(mine, mine), "names a receivable more than once",
                List.of(awaiting), awaiting + " is AWAITING_CONFIRMATION; only receivables their debtor confirmed back financing",
                List.of(othersConfirmed), othersConfirmed + " is not a receivable of yours",
                List.of(unknown.toString()), unknown + " is not a receivable of yours");
        cases.forEach((receivables, message) -> problem(Api.as(Api.enterprise(sme.id()))
                .body(Applications.receivablesFinancing("10.00", receivables, bankA.id())).post(PATH).then(), 400)
                .body("errors[0].field", equalTo("receivable_ids")).body("errors[0].message", equalTo(message)));
        Map<String, Object> without = Applications.body("RECEIVABLES_FINANCING", "10.00", List.of(bankA.id()));
        problem(Api.as(Api.enterprise(sme.id())).body(without).post(PATH).then(), 400)
                .body("errors[0].field", equalTo("receivable_ids"));
        assertThat(applicationsOf(sme.id())).isZero();
    }

    @Test
    void theSameIdempotencyKeyReplaysTheFirstAnswerAndADifferentBodyIs422() {
        String token = Api.enterprise(sme.id());
        Map<String, Object> body = Applications.workingCapital("5000.00", bankA.id());
        String key = "app-" + UUID.randomUUID();
        String first = Api.as(token).header("Idempotency-Key", key).body(body).post(PATH).then().statusCode(201)
                .extract().path("id");
        Api.as(token).header("Idempotency-Key", key).body(body).post(PATH).then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("id", equalTo(first))
                .header("Location", endsWith(PATH + "/" + first)).header("ETag", "\"0\"");
        Map<String, Object> other = new HashMap<>(body);
        other.put("amount", "5001.00");
        problem(Api.as(token).header("Idempotency-Key", key).body(other).post(PATH).then(), 422);
        assertThat(applicationsOf(sme.id())).isEqualTo(1);
    }

    @Test
    void theApplicantAndItsLendersSeeItAnyoneElseGets404() {
        String id = Applications.submitted(sme.id(), Applications.workingCapital("100.00", bankA.id(), bankB.id()));
        Api.as(Api.enterprise(sme.id())).get(PATH + "/" + id).then().statusCode(200).body("lenders", hasSize(2));
        // Each lender sees only its own part.
        Api.as(Applications.lender(bankA.id())).get(PATH + "/" + id).then().statusCode(200).body("lenders", hasSize(1))
                .body("lenders[0].lender_org_id", equalTo(bankA.id().toString()));
        Api.as(TestJwt.admin()).get(PATH + "/" + id).then().statusCode(200).body("lenders", hasSize(2));
        Known otherBank = RegistryFeed.lender();
        problem(Api.as(Applications.lender(otherBank.id())).get(PATH + "/" + id).then(), 404);
        problem(Api.as(Api.enterprise(RegistryFeed.sme().id())).get(PATH + "/" + id).then(), 404);
        // The applicant's org_id with the lender role is not its lender, nor a bank's org_id with the enterprise role its applicant.
        problem(Api.as(Applications.lender(sme.id())).get(PATH + "/" + id).then(), 404);
        problem(Api.as(Api.enterprise(bankA.id())).get(PATH + "/" + id).then(), 404);
        Api.as(Applications.lender(otherBank.id())).get(PATH).then().statusCode(200).body("items.id", not(hasItem(id)));
        Api.as(Applications.lender(bankB.id())).get(PATH).then().statusCode(200).body("items.id", hasItem(id));
        problem(Api.as(Api.enterprise(sme.id())).get(PATH + "/" + UUID.randomUUID()).then(), 404);
    }

    @Test
    void listsArePagedByCursorAndFiltered() {
        List<String> submitted = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Map<String, Object> body = i == 2 ? Applications.body("GUARANTEE", "10.00", List.of(bankA.id()))
                    : Applications.workingCapital((i + 1) + "000.00", bankA.id());
            submitted.add(Applications.submitted(sme.id(), body));
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = Api.as(Api.enterprise(sme.id())).queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page = request.get(PATH).then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.id"));
            cursor = page.getString("next_cursor");
            pages++;
        } while (cursor != null);
        assertThat(seen).containsExactlyElementsOf(submitted);
        assertThat(pages).isEqualTo(3);
        Api.as(Api.enterprise(sme.id())).queryParam("product", "GUARANTEE").get(PATH).then()
                .body("items.id", equalTo(List.of(submitted.get(2))));
        Api.as(Api.enterprise(sme.id())).queryParam("status", "REPAID").get(PATH).then().body("items", empty());
        problem(Api.as(Api.enterprise(sme.id())).queryParam("status", "PAID").get(PATH).then(), 400)
                .body("errors[0].field", equalTo("status"));
        problem(Api.as(Api.enterprise(sme.id())).queryParam("product", "MORTGAGE").get(PATH).then(), 400)
                .body("errors[0].field", equalTo("product"));
        problem(Api.as(Api.enterprise(sme.id())).queryParam("limit", 0).get(PATH).then(), 400)
                .body("errors[0].field", equalTo("limit"));
        problem(Api.as(Api.enterprise(sme.id())).queryParam("cursor", "nope").get(PATH).then(), 400)
                .body("errors[0].field", equalTo("cursor"));
    }

    long applicationsOf(UUID applicant) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM financing_application WHERE applicant_org_id = :a").setParameter("a", applicant)
                .getSingleResult()).longValue());
    }
}
