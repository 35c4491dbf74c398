package org.fugong.finance.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.fugong.finance.support.Api;
import org.fugong.finance.support.Applications;
import org.fugong.finance.support.Claims;
import org.fugong.finance.support.FinanceTest;
import org.fugong.finance.support.RegistryFeed;
import org.fugong.finance.support.RegistryFeed.Known;
import org.fugong.testing.ProblemAssertions;
import org.fugong.testing.TestJwt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

/** Disbursement, the stored schedule with the interest subsidy's split, repayments, overdue instalments and REPAID. */
@QuarkusTest
@FinanceTest
class LoanEndpointsTest {

    static final String PATH = Applications.PATH;
    static final String SEEDED_INTEREST_SUBSIDY = "01706000-0000-7000-8000-000000000006";

    static ValidatableResponse problem(ValidatableResponse response, int status) {
        return ProblemAssertions.problem(response, status);
    }

    static BigDecimal sum(List<String> amounts) {
        return amounts.stream().map(BigDecimal::new).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    record Loan(String id, Known sme, Known lender, Known loser, Known debtor, String receivable) {
    }

    /** A receivables financing of 60,000.00 at 4.35 % over 3 months, equal principal, accepted from bank A. */
    static Loan accepted() {
        Known sme = RegistryFeed.sme();
        Known debtor = RegistryFeed.large();
        Known bankA = RegistryFeed.lender();
        Known bankB = RegistryFeed.lender();
        String receivable = Api.confirmed(sme.id(), debtor, "100000.00");
        String id = Applications.submitted(sme.id(), Applications.receivablesFinancing("80000.00", List.of(receivable),
                bankA.id(), bankB.id()));
        Applications.offered(id, bankA.id(), Applications.offer("60000.00", "4.35", 3, "EQUAL_PRINCIPAL"));
        Applications.accepted(id, sme.id(), bankA.id());
        return new Loan(id, sme, bankA, bankB, debtor, receivable);
    }

    ValidatableResponse repay(Loan loan, String token, Map<String, Object> body) {
        return Api.as(token).body(body).post(PATH + "/" + loan.id() + "/repayments").then();
    }

    static Map<String, Object> repayment(int instalment, String amount) {
        Map<String, Object> body = new HashMap<>();
        body.put("instalment_number", instalment);
        body.put("amount", amount);
        body.put("paid_on", "2020-04-02");
        return body;
    }

    @Test
    void onlyTheAcceptedLenderDisbursesOnADayThatHasBeen() {
        Loan loan = accepted();
        String url = PATH + "/" + loan.id() + "/disbursement";
        problem(Api.as(Applications.lender(loan.loser().id())).body(Map.of()).put(url).then(), 403);
        String tomorrow = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1).toString();
        problem(Api.as(Applications.lender(loan.lender().id())).body(Map.of("disbursed_on", tomorrow)).put(url).then(), 400)
                .body("errors[0].field", equalTo("disbursed_on"));
        problem(Api.as(Applications.lender(loan.lender().id())).body(Map.of("disbursed_on", "2019-12-31")).put(url).then(),
                400).body("errors[0].field", equalTo("disbursed_on"));
        problem(Api.as(Applications.lender(loan.lender().id())).body(Map.of("disbursed_on", "2020-02-30")).put(url).then(),
                400).body("errors[0].field", equalTo("disbursed_on"));
        // Before disbursement there is no schedule.
        problem(Api.as(Api.enterprise(loan.sme().id())).get(PATH + "/" + loan.id() + "/schedule").then(), 404);
        Api.as(Applications.lender(loan.lender().id())).body(Map.of("disbursed_on", "2020-03-02")).put(url).then()
                .statusCode(200).body("status", equalTo("DISBURSED")).body("loan.principal", equalTo("60000.00"))
                .body("loan.annual_rate", equalTo("4.35")).body("loan.term_months", equalTo(3))
                .body("loan.repayment_method", equalTo("EQUAL_PRINCIPAL")).body("loan.disbursed_on", equalTo("2020-03-02"))
                .body("loan.interest_subsidy", nullValue());
        problem(Api.as(Applications.lender(loan.lender().id())).body(Map.of()).put(url).then(), 409);
        // The loser sees the application, not the loan.
        Api.as(Applications.lender(loan.loser().id())).get(PATH + "/" + loan.id()).then().statusCode(200)
                .body("loan", nullValue());
    }

    @Test
    void theScheduleSumsToTheCentShowsWhatIsOverdueAndRepaymentsEndTheLoan() {
        Loan loan = accepted();
        Applications.disbursed(loan.id(), loan.lender().id(), "2020-03-02");
        String bank = Applications.lender(loan.lender().id());
        String applicant = Api.enterprise(loan.sme().id());
        ValidatableResponse schedule = Api.as(applicant).get(PATH + "/" + loan.id() + "/schedule").then().statusCode(200)
                .body("as_of", equalTo(LocalDate.now(ZoneId.of("Asia/Shanghai")).toString()))
                .body("instalments", hasSize(3))
                .body("instalments.due_date", equalTo(List.of("2020-04-02", "2020-05-02", "2020-06-02")))
                // 60,000 / 3 = 20,000.00 each; interest 217.50, 145.00, 72.50
                .body("instalments.principal", equalTo(List.of("20000.00", "20000.00", "20000.00")))
                .body("instalments.interest", equalTo(List.of("217.50", "145.00", "72.50")))
                .body("instalments.subsidy_interest", everyItem(equalTo("0.00")))
                .body("instalments.status", everyItem(equalTo("OVERDUE")))
                .body("totals.principal", equalTo("60000.00")).body("totals.interest", equalTo("435.00"))
                .body("totals.overdue_count", equalTo(3)).body("totals.overdue_amount", equalTo("60435.00"));
        JsonPath doc = schedule.extract().jsonPath();
        assertThat(sum(doc.getList("instalments.principal"))).isEqualByComparingTo("60000.00");
        String etag = schedule.extract().header("ETag");

        // Amounts are exact, never more than is still due; the instalment must exist; the day must have been.
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        problem(repay(loan, bank, repayment(1, "20217.51")), 400).body("errors[0].field", equalTo("amount"))
                .body("errors[0].message", equalTo("must be at most 20217.50, what is still due on instalment 1"));
        problem(repay(loan, bank, repayment(1, "100.005")), 400).body("errors.field", hasItem("amount"));
        problem(repay(loan, bank, repayment(1, "-1.00")), 400).body("errors.field", hasItem("amount"));
        problem(repay(loan, bank, repayment(4, "1.00")), 400).body("errors[0].field", equalTo("instalment_number"));
        problem(repay(loan, bank, repayment(0, "1.00")), 400).body("errors[0].field", equalTo("instalment_number"));
        Map<String, Object> future = repayment(1, "1.00");
        future.put("paid_on", LocalDate.parse(today).plusDays(1).toString());
        problem(repay(loan, bank, future), 400).body("errors[0].field", equalTo("paid_on"));
        Map<String, Object> early = repayment(1, "1.00");
        early.put("paid_on", "2020-03-01");
        problem(repay(loan, bank, early), 400).body("errors[0].field", equalTo("paid_on"));
        // Only the loan's lender records repayments; the loser and the applicant cannot.
        problem(repay(loan, Applications.lender(loan.loser().id()), repayment(1, "1.00")), 403);
        problem(repay(loan, Applications.lender(RegistryFeed.lender().id()), repayment(1, "1.00")), 404);

        String key = "rep-" + UUID.randomUUID();
        String first = Api.as(bank).header("Idempotency-Key", key).body(repayment(1, "10000.00"))
                .post(PATH + "/" + loan.id() + "/repayments").then().statusCode(201).header("ETag", "\"0\"")
                .body("amount", equalTo("10000.00")).body("instalment_number", equalTo(1)).extract().path("id");
        Api.as(bank).header("Idempotency-Key", key).body(repayment(1, "10000.00")).post(PATH + "/" + loan.id()
                + "/repayments").then().statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(first));
        Api.as(applicant).get(PATH + "/" + loan.id() + "/repayments/" + first).then().statusCode(200)
                .body("paid_on", equalTo("2020-04-02"));
        Api.as(applicant).get(PATH + "/" + loan.id() + "/schedule").then().header("ETag", not(equalTo(etag)))
                .body("instalments[0].paid", equalTo("10000.00")).body("instalments[0].outstanding", equalTo("10217.50"))
                .body("instalments[0].status", equalTo("OVERDUE")).body("totals.paid", equalTo("10000.00"));

        repay(loan, bank, repayment(1, "10217.50")).statusCode(201);
        problem(repay(loan, bank, repayment(1, "0.01")), 409).body("errors[0].field", equalTo("instalment_number"));
        repay(loan, bank, repayment(2, "20145.00")).statusCode(201);
        Api.as(applicant).get(PATH + "/" + loan.id()).then().body("status", equalTo("DISBURSED"));
        Api.as(applicant).get("/api/v1/receivables/" + loan.receivable() + "/pledge").then().body("pledged", equalTo(true))
                .body("lender_org_id", equalTo(loan.lender().id().toString()));
        repay(loan, bank, repayment(3, "20072.50")).statusCode(201);

        Api.as(applicant).get(PATH + "/" + loan.id()).then().body("status", equalTo("REPAID"));
        Api.as(applicant).get(PATH + "/" + loan.id() + "/schedule").then().body("instalments.status",
                everyItem(equalTo("PAID"))).body("totals.outstanding", equalTo("0.00"))
                .body("totals.overdue_count", equalTo(0));
        Api.as(applicant).get("/api/v1/receivables/" + loan.receivable() + "/pledge").then().body("pledged", equalTo(false));
        problem(repay(loan, bank, repayment(3, "0.01")), 409);

        // Repayments, paged in the order recorded.
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var request = Api.as(bank).queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get(PATH + "/" + loan.id() + "/repayments").then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.amount"));
            cursor = page.getString("next_cursor");
        } while (cursor != null);
        assertThat(seen).containsExactly("10000.00", "10217.50", "20145.00", "20072.50");
    }

    @Test
    void onlyTheApplicantTheLoansLenderAndAdministratorsSeeTheLoan() {
        Loan loan = accepted();
        Applications.disbursed(loan.id(), loan.lender().id(), null);
        String schedule = PATH + "/" + loan.id() + "/schedule";
        Api.as(Api.enterprise(loan.sme().id())).get(schedule).then().statusCode(200)
                .body("instalments.status", everyItem(equalTo("DUE"))).body("totals.overdue_count", equalTo(0));
        Api.as(Applications.lender(loan.lender().id())).get(schedule).then().statusCode(200);
        Api.as(TestJwt.admin()).get(schedule).then().statusCode(200);
        for (String outsider : List.of(Applications.lender(loan.loser().id()), Api.enterprise(loan.debtor().id()),
                Api.enterprise(RegistryFeed.sme().id()))) {
            problem(Api.as(outsider).get(schedule).then(), 404);
            problem(Api.as(outsider).get(PATH + "/" + loan.id() + "/repayments").then(), 404);
        }
        problem(Api.as(Api.enterprise(loan.sme().id())).get(PATH + "/" + loan.id() + "/repayments/" + UUID.randomUUID())
                .then(), 404);
    }

    @Test
    void aWorkingCapitalLoanToAKeyEnterpriseShowsTheSubsidysPartOfEachInstalment() {
        Known keyLarge = RegistryFeed.organisation("ENTERPRISE", "LARGE", "420102", "ACTIVE", Map.of("key_enterprise", true));
        Known bank = RegistryFeed.lender();
        String id = Applications.submitted(keyLarge.id(), Applications.workingCapital("1200000.00", bank.id()));
        Applications.offered(id, bank.id(), Applications.offer("1200000.00", "3.15", 24, "EQUAL_PRINCIPAL"));
        Applications.accepted(id, keyLarge.id(), bank.id());
        Applications.disbursed(id, bank.id(), "2020-03-02");
        JsonPath doc = Api.as(Api.enterprise(keyLarge.id())).get(PATH + "/" + id + "/schedule").then().statusCode(200)
                // The seeded 财金〔2020〕5号: half the (configured) relending rate, for a year.
                .body("loan.interest_subsidy.policy_id", equalTo(SEEDED_INTEREST_SUBSIDY))
                .body("loan.interest_subsidy.basis", equalTo("RELENDING_RATE"))
                .body("loan.interest_subsidy.base_rate", equalTo("2.50"))
                .body("loan.interest_subsidy.share_percent", equalTo("50.00"))
                .body("loan.interest_subsidy.months", equalTo(12))
                // Month 1: interest 1,200,000 × 3.15 / 1200 = 3,150.00; the subsidy half of 2.5 %: 1,250.00.
                .body("instalments[0].interest", equalTo("3150.00"))
                .body("instalments[0].subsidy_interest", equalTo("1250.00"))
                .body("instalments[0].borrower_interest", equalTo("1900.00"))
                .extract().jsonPath();
        List<String> interest = doc.getList("instalments.interest");
        List<String> subsidy = doc.getList("instalments.subsidy_interest");
        List<String> borrower = doc.getList("instalments.borrower_interest");
        for (int k = 0; k < 24; k++) {
            assertThat(new BigDecimal(subsidy.get(k)).add(new BigDecimal(borrower.get(k))))
                    .as("instalment %d", k + 1).isEqualByComparingTo(interest.get(k));
            if (k < 12) {
                assertThat(new BigDecimal(subsidy.get(k))).as("instalment %d", k + 1).isPositive();
            } else {
                assertThat(subsidy.get(k)).as("instalment %d", k + 1).isEqualTo("0.00");
            }
        }
        assertThat(sum(doc.getList("instalments.principal"))).isEqualByComparingTo("1200000.00");
        assertThat(doc.getString("totals.subsidy_interest")).isEqualTo(sum(subsidy).setScale(2).toPlainString());
    }

    /**
     * The subsidy is the policy's, not a rule of its own: a later INTEREST_SUBSIDY policy for key
     * enterprises of one county (its own, so no other test's enterprise matches it) with other terms
     * — 40 % of the loan's rate for 6 months — decides the split of a loan disbursed while it is in
     * force; one disbursed before it took effect keeps the seeded terms.
     */
    @Test
    void theSubsidysPartFollowsTheInterestSubsidyPolicyTheApplicantMatchesOnTheDayOfDisbursement() {
        Map<String, Object> policy = Claims.policy(Map.of("all_of", List.of(Map.of("key_enterprise", true),
                Map.of("region_prefix", List.of("420117")))));
        policy.put("kind", "INTEREST_SUBSIDY");
        policy.put("valid_from", "2020-02-10");
        policy.remove("valid_until");
        policy.put("subsidy", Map.of("basis", "LOAN_RATE", "share_percent", "40", "months", 6));
        String policyId = Api.as(TestJwt.admin()).body(policy).post("/api/v1/policies").then().statusCode(201)
                .body("subsidy.basis", equalTo("LOAN_RATE")).body("subsidy.share_percent", equalTo("40.00"))
                .body("subsidy.months", equalTo(6)).extract().path("id");
        Known keyLarge = RegistryFeed.organisation("ENTERPRISE", "LARGE", "420117", "ACTIVE", Map.of("key_enterprise", true));
        Known bank = RegistryFeed.lender();

        String id = Applications.submitted(keyLarge.id(), Applications.workingCapital("1200000.00", bank.id()));
        Applications.offered(id, bank.id(), Applications.offer("1200000.00", "3.15", 12, "EQUAL_PRINCIPAL"));
        Applications.accepted(id, keyLarge.id(), bank.id());
        Applications.disbursed(id, bank.id(), "2020-03-02");
        JsonPath doc = Api.as(Api.enterprise(keyLarge.id())).get(PATH + "/" + id + "/schedule").then().statusCode(200)
                .body("loan.interest_subsidy.policy_id", equalTo(policyId))
                .body("loan.interest_subsidy.basis", equalTo("LOAN_RATE"))
                .body("loan.interest_subsidy.base_rate", equalTo("3.15"))
                .body("loan.interest_subsidy.share_percent", equalTo("40.00"))
                .body("loan.interest_subsidy.months", equalTo(6))
                // Month 1: interest 3,150.00; the subsidy 40 % of it, 1,260.00 (the seeded terms would give 1,250.00).
                .body("instalments[0].interest", equalTo("3150.00"))
                .body("instalments[0].subsidy_interest", equalTo("1260.00"))
                .body("instalments[0].borrower_interest", equalTo("1890.00"))
                .extract().jsonPath();
        List<String> subsidy = doc.getList("instalments.subsidy_interest");
        assertThat(subsidy.subList(0, 6)).allSatisfy(s -> assertThat(new BigDecimal(s)).isPositive());
        assertThat(subsidy.subList(6, 12)).containsOnly("0.00");

        // Disbursed on 3 February, before the county's policy took effect: the seeded measure's terms.
        String earlier = Applications.submitted(keyLarge.id(), Applications.workingCapital("1200000.00", bank.id()));
        Applications.offered(earlier, bank.id(), Applications.offer("1200000.00", "3.15", 12, "EQUAL_PRINCIPAL"));
        Applications.accepted(earlier, keyLarge.id(), bank.id());
        Applications.disbursed(earlier, bank.id(), "2020-02-03");
        Api.as(Api.enterprise(keyLarge.id())).get(PATH + "/" + earlier + "/schedule").then().statusCode(200)
                .body("loan.interest_subsidy.policy_id", equalTo(SEEDED_INTEREST_SUBSIDY))
                .body("instalments[0].subsidy_interest", equalTo("1250.00"));
    }

    @Test
    void anSmesWorkingCapitalLoanOutsideTheSpecialRelendingHasNoSubsidy() {
        Known sme = RegistryFeed.sme();
        Known bank = RegistryFeed.lender();
        String id = Applications.submitted(sme.id(), Applications.workingCapital("100000.00", bank.id()));
        Applications.offered(id, bank.id(), Applications.offer("100000.00", "4.35", 12, "EQUAL_INSTALMENTS"));
        Applications.accepted(id, sme.id(), bank.id());
        Applications.disbursed(id, bank.id(), null);
        // The worked example of RepaymentScheduleTest: 8,530.99 a month, the last 8,531.01, interest 2,371.90.
        Api.as(Api.enterprise(sme.id())).get(PATH + "/" + id + "/schedule").then().statusCode(200)
                .body("loan.interest_subsidy", nullValue())
                .body("instalments.subsidy_interest", everyItem(equalTo("0.00")))
                .body("instalments[0].payment", equalTo("8530.99")).body("instalments[11].payment", equalTo("8531.01"))
                .body("totals.interest", equalTo("2371.90")).body("totals.borrower_interest", equalTo("2371.90"));
    }

    static Stream<Arguments> badRepayments() {
        return Stream.of(
                Arguments.of("amount", "10000000000000.01", "must be at most 10000000000000.00"),
                Arguments.of("amount", "0.00", "must be greater than 0"),
                Arguments.of("amount", null, "must not be null"),
                Arguments.of("instalment_number", 361, "must be at most 360"),
                Arguments.of("instalment_number", null, "must not be null"),
                Arguments.of("paid_on", "yesterday", "must be a date (YYYY-MM-DD)"));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("badRepayments")
    void aBadRepaymentIs400NamingTheField(String field, Object value, String message) {
        // Validation answers before any lookup: an unknown application is enough.
        Map<String, Object> body = repayment(1, "1.00");
        body.put(field, value);
        problem(Api.as(Applications.lender(UUID.randomUUID())).body(body)
                .post(PATH + "/" + UUID.randomUUID() + "/repayments").then(), 400)
                .body("errors.field", hasItem(field)).body("errors.message", hasItem(message));
    }
}
