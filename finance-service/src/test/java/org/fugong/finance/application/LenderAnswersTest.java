package org.fugong.finance.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import jakarta.inject.Inject;

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

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

/**
 * Each lender's answer: maker recommends, checker approves (never the same caller); what the
 * applicant and the other lenders see of it; accepting one offer, refusals, withdrawal, lapse, and
 * the pledges that follow the application.
 */
@QuarkusTest
@FinanceTest
class LenderAnswersTest {

    static final String PATH = Applications.PATH;

    @Inject
    OfferExpiry expiry;

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

    String application() {
        return Applications.submitted(sme.id(), Applications.workingCapital("1000000.00", bankA.id(), bankB.id()));
    }

    ValidatableResponse recommend(String id, String token, Map<String, Object> body) {
        return Api.as(token).body(body).put(PATH + "/" + id + "/recommendation").then();
    }

    ValidatableResponse approve(String id, String token) {
        return Api.as(token).body(Map.of("decision", "APPROVE")).put(PATH + "/" + id + "/approval").then();
    }

    JsonPath seenBy(String token, String id) {
        return Api.as(token).get(PATH + "/" + id).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void theSameReviewerCannotRecommendAndApproveAnotherOfTheSameLenderCan() {
        String id = application();
        String maker = Applications.reviewer(bankA.id(), "bank-a-zhang");
        Applications.startReview(id, maker);
        recommend(id, maker, Applications.offer("800000.00", "3.15", 12, "EQUAL_INSTALMENTS")).statusCode(200)
                .body("lenders[0].status", equalTo("RECOMMENDED"))
                .body("lenders[0].recommendation.recommended_by", equalTo("bank-a-zhang"));
        // The same caller with a new token is still the same caller: 403, and nothing changes.
        problem(approve(id, Applications.reviewer(bankA.id(), "bank-a-zhang")), 403)
                .body("detail", containsString("Maker–checker"));
        problem(Api.as(Applications.reviewer(bankA.id(), "bank-a-zhang")).body(Map.of("decision", "RETURN", "reason", "x"))
                .put(PATH + "/" + id + "/approval").then(), 403);
        assertThat(seenBy(Api.enterprise(sme.id()), id).getString("lenders.find { it.lender_org_id == '" + bankA.id()
                + "' }.status")).isEqualTo("UNDER_REVIEW");
        // Another bank's reviewer is no checker of bank A's: it sees only its own (pending) part.
        problem(approve(id, Applications.reviewer(bankB.id(), "bank-b-li")), 409);
        approve(id, Applications.reviewer(bankA.id(), "bank-a-wang")).statusCode(200)
                .body("status", equalTo("OFFERED")).body("lenders[0].status", equalTo("OFFERED"))
                .body("lenders[0].approved_by", equalTo("bank-a-wang"))
                .body("lenders[0].offer.annual_rate", equalTo("3.15"))
                .body("lenders[0].offer.valid_until", notNullValue());
    }

    @Test
    void theApplicantSeesOnlyApprovedOffersAndNoLenderSeesAnothersOffer() {
        String id = application();
        String makerA = Applications.lender(bankA.id());
        Applications.startReview(id, makerA);
        recommend(id, makerA, Applications.offer("900000.00", "4.05", 24, "EQUAL_PRINCIPAL")).statusCode(200);
        JsonPath applicantView = seenBy(Api.enterprise(sme.id()), id);
        assertThat(applicantView.getList("lenders.offer")).containsOnlyNulls();
        assertThat(applicantView.getList("lenders.recommendation")).containsOnlyNulls();
        assertThat(applicantView.getString("status")).isEqualTo("UNDER_REVIEW");
        approve(id, Applications.lender(bankA.id())).statusCode(200);
        Applications.offered(id, bankB.id(), Applications.offer("1000000.00", "3.85", 12, "EQUAL_INSTALMENTS"));
        applicantView = seenBy(Api.enterprise(sme.id()), id);
        assertThat(applicantView.getList("lenders.offer.annual_rate")).containsExactlyInAnyOrder("4.05", "3.85");
        assertThat(applicantView.getList("lenders.approved_by")).containsOnlyNulls();
        // Bank B sees its own offer and nothing of bank A's, in the single view and in its list.
        {
            String token = Applications.lender(bankB.id());
            String single = Api.as(token).get(PATH + "/" + id).then().statusCode(200).body("lenders", hasSize(1))
                    .extract().asString();
            String list = Api.as(token).get(PATH).then().statusCode(200).extract().asString();
            assertThat(single).contains("3.85").doesNotContain("4.05").doesNotContain("900000.00")
                    .doesNotContain(bankA.id().toString());
            assertThat(list).contains(id).doesNotContain("4.05").doesNotContain(bankA.id().toString());
        }
        // After acceptance the loser does not learn who won.
        Applications.accepted(id, sme.id(), bankA.id());
        Api.as(Applications.lender(bankB.id())).get(PATH + "/" + id).then().body("status", equalTo("ACCEPTED"))
                .body("accepted_lender_org_id", nullValue()).body("lenders[0].status", equalTo("LAPSED"));
        Api.as(Applications.lender(bankA.id())).get(PATH + "/" + id).then()
                .body("accepted_lender_org_id", equalTo(bankA.id().toString()));
    }

    static Stream<Arguments> badOffers() {
        Map<String, Object> base = Applications.offer("800000.00", "3.15", 12, "EQUAL_INSTALMENTS");
        return Stream.of(
                Arguments.of(with(base, "annual_rate", "36.01"), "annual_rate", "must be at most 36 (percent a year)"),
                Arguments.of(with(base, "annual_rate", "40"), "annual_rate", "must be at most 36 (percent a year)"),
                Arguments.of(with(base, "annual_rate", "-0.5"), "annual_rate", "must be at least 0"),
                Arguments.of(with(base, "annual_rate", "3.12345"), "annual_rate", "must have at most 4 decimal places"),
                Arguments.of(with(base, "amount", "800000.005"), "amount", "must have at most 2 decimal places"),
                Arguments.of(with(base, "amount", "-1.00"), "amount", "must be greater than 0"),
                Arguments.of(with(base, "amount", "10000000000000.01"), "amount", "must be at most 10000000000000.00"),
                Arguments.of(with(base, "amount", "1000000.01"), "amount",
                        "must be at most the amount applied for, 1000000.00"),
                Arguments.of(with(base, "term_months", 0), "term_months", "must be at least 1 month"),
                Arguments.of(with(base, "term_months", 600), "term_months", "must be at most 360 months"),
                Arguments.of(with(base, "repayment_method", "BALLOON"), "repayment_method",
                        "must be one of [EQUAL_INSTALMENTS, EQUAL_PRINCIPAL]"),
                Arguments.of(with(base, "decision", "MAYBE"), "decision", "must be one of [OFFER, REFUSE]"),
                Arguments.of(with(base, "annual_rate", null), "annual_rate", "is required to offer"),
                Arguments.of(with(base, "repayment_method", null), "repayment_method", "is required to offer"),
                Arguments.of(Map.of("decision", "REFUSE"), "reason", "is required to refuse"),
                Arguments.of(with(with(base, "decision", "REFUSE"), "reason", "no"), "amount", "must be absent when refusing"));
    }

    static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> changed = new HashMap<>(body);
        changed.put(field, value);
        return changed;
    }

    @ParameterizedTest(name = "{1}: {2}")
    @MethodSource("badOffers")
    void aBadRecommendationIs400NamingTheFieldAndChangesNothing(Map<String, Object> body, String field, String message) {
        String id = Applications.submitted(sme.id(), Applications.workingCapital("1000000.00", bankA.id()));
        String maker = Applications.lender(bankA.id());
        Applications.startReview(id, maker);
        problem(recommend(id, maker, body), 400).body("errors.field", hasItem(field)).body("errors.message", hasItem(message));
        Api.as(maker).get(PATH + "/" + id).then().body("lenders[0].status", equalTo("UNDER_REVIEW"))
                .body("lenders[0].recommendation", nullValue());
    }

    @Test
    void aRecommendationWaitsForTheReviewAndTheCheckerMaySendItBack() {
        String id = application();
        String maker = Applications.lender(bankA.id());
        Map<String, Object> offer = Applications.offer("500000.00", "3.50", 12, "EQUAL_INSTALMENTS");
        problem(recommend(id, maker, offer), 409).body("detail", containsString("Start the review"));
        Api.as(maker).put(PATH + "/" + id + "/review").then().statusCode(200).header("ETag", "\"1\"")
                .body("status", equalTo("UNDER_REVIEW"));
        // Starting again changes nothing: same version.
        Api.as(Applications.lender(bankA.id())).put(PATH + "/" + id + "/review").then().statusCode(200)
                .header("ETag", "\"1\"");
        recommend(id, maker, offer).statusCode(200);
        problem(recommend(id, maker, Applications.offer("400000.00", "3.50", 12, "EQUAL_INSTALMENTS")), 409);
        String checker = Applications.lender(bankA.id());
        problem(Api.as(checker).body(Map.of("decision", "RETURN")).put(PATH + "/" + id + "/approval").then(), 400)
                .body("errors[0].field", equalTo("reason"));
        Api.as(checker).body(Map.of("decision", "RETURN", "reason", "Check the debtor's rating"))
                .put(PATH + "/" + id + "/approval").then().statusCode(200)
                .body("lenders[0].status", equalTo("UNDER_REVIEW"))
                .body("lenders[0].returned_reason", equalTo("Check the debtor's rating"))
                .body("lenders[0].offer", nullValue());
        recommend(id, maker, Applications.offer("400000.00", "3.50", 12, "EQUAL_INSTALMENTS")).statusCode(200);
        approve(id, checker).statusCode(200).body("lenders[0].offer.amount", equalTo("400000.00"));
    }

    @Test
    void onlyItsLendersAnswerAnApplicationAndOnlyItsApplicantAccepts() {
        String id = application();
        Known stranger = RegistryFeed.lender();
        // Valid bodies, so that the scope check is what answers.
        problem(Api.as(Applications.lender(stranger.id())).put(PATH + "/" + id + "/review").then(), 404);
        problem(recommend(id, Applications.lender(stranger.id()),
                Applications.offer("1.00", "1", 1, "EQUAL_INSTALMENTS")), 404);
        problem(approve(id, Applications.lender(stranger.id())), 404);
        problem(Api.as(Applications.lender(stranger.id())).body(Map.of()).put(PATH + "/" + id + "/disbursement").then(),
                404);
        Applications.offered(id, bankA.id());
        Map<String, Object> accept = Map.of("lender_org_id", bankA.id().toString());
        problem(Api.as(Api.enterprise(RegistryFeed.sme().id())).body(accept).put(PATH + "/" + id + "/acceptance").then(),
                404);
        problem(Api.as(Api.enterprise(RegistryFeed.sme().id())).body(Map.of("reason", "x"))
                .put(PATH + "/" + id + "/withdrawal").then(), 404);
        problem(Api.as(Api.enterprise(sme.id())).body(Map.of("lender_org_id", bankB.id().toString()))
                .put(PATH + "/" + id + "/acceptance").then(), 409).body("errors[0].field", equalTo("lender_org_id"));
        problem(Api.as(Api.enterprise(sme.id())).body(Map.of("lender_org_id", stranger.id().toString()))
                .put(PATH + "/" + id + "/acceptance").then(), 400).body("errors[0].field", equalTo("lender_org_id"));
        Applications.accepted(id, sme.id(), bankA.id());
        Api.as(Api.enterprise(sme.id())).get(PATH + "/" + id).then()
                .body("lenders.find { it.lender_org_id == '" + bankB.id() + "' }.status", equalTo("LAPSED"))
                .body("accepted_lender_org_id", equalTo(bankA.id().toString()));
        // Bank B's part lapsed: it can no longer answer.
        problem(Api.as(Applications.lender(bankB.id())).put(PATH + "/" + id + "/review").then(), 409);
    }

    @Test
    void theLendersAnApplicationIsSentToSeeTheReceivablesItPledgesAndNoOtherLenderDoes() {
        Known debtor = RegistryFeed.large();
        Known bankC = RegistryFeed.lender();
        String receivable = Api.confirmed(sme.id(), debtor, "1000000.00");
        String path = "/api/v1/receivables/" + receivable;
        problem(Api.as(Applications.lender(bankA.id())).get(path).then(), 404); // no application yet
        String id = Applications.submitted(sme.id(), Applications.receivablesFinancing("800000.00", List.of(receivable),
                bankA.id(), bankB.id()));
        for (Known bank : List.of(bankA, bankB)) {
            Api.as(Applications.lender(bank.id())).get(path).then().statusCode(200).body("status", equalTo("CONFIRMED"))
                    .body("amount", equalTo("1000000.00")).body("debtor_org_id", equalTo(debtor.id().toString()));
            Api.as(Applications.lender(bank.id())).get(path + "/pledge").then().statusCode(200)
                    .body("pledged", equalTo(true)).body("application_id", equalTo(id));
        }
        problem(Api.as(Applications.lender(bankC.id())).get(path).then(), 404);
        problem(Api.as(Applications.lender(bankC.id())).get(path + "/pledge").then(), 404);
        problem(Api.as(Applications.lender(bankA.id())).get("/api/v1/receivables").then(), 403); // no list for lenders
        // Once the application no longer pledges it, its lenders no longer see it.
        Api.as(Api.enterprise(sme.id())).body(Map.of("reason", "Paid early")).put(PATH + "/" + id + "/withdrawal").then()
                .statusCode(200);
        problem(Api.as(Applications.lender(bankA.id())).get(path).then(), 404);
    }

    @Test
    void acceptingPutsThePledgesBeforeTheChosenLenderAndEveryRefusalReleasesThem() {
        Known debtor = RegistryFeed.large();
        String receivable = Api.confirmed(sme.id(), debtor, "1000000.00");
        String id = Applications.submitted(sme.id(), Applications.receivablesFinancing("800000.00", List.of(receivable),
                bankA.id(), bankB.id()));
        Applications.offered(id, bankB.id());
        Applications.accepted(id, sme.id(), bankB.id());
        Api.as(Api.enterprise(debtor.id())).get("/api/v1/receivables/" + receivable + "/pledge").then()
                .body("pledged", equalTo(true)).body("lender_org_id", equalTo(bankB.id().toString()));
        Api.as(Api.enterprise(sme.id())).body(Map.of("reason", "Our buyer paid early")).put(PATH + "/" + id + "/withdrawal")
                .then().statusCode(200).body("status", equalTo("WITHDRAWN")).body("lenders.status",
                        containsInAnyOrder("LAPSED", "WITHDRAWN"));
        Api.as(Api.enterprise(sme.id())).get("/api/v1/receivables/" + receivable + "/pledge").then()
                .body("pledged", equalTo(false));
        // Free again: a new application may pledge it, and refusals by every lender free it once more.
        String again = Applications.submitted(sme.id(), Applications.receivablesFinancing("500000.00", List.of(receivable),
                bankA.id(), bankB.id()));
        Applications.refused(again, bankA.id(), "Concentrated on one debtor");
        Api.as(Api.enterprise(sme.id())).get(PATH + "/" + again).then().body("status", equalTo("UNDER_REVIEW"))
                .body("lenders.find { it.lender_org_id == '" + bankA.id() + "' }.refusal_reason",
                        equalTo("Concentrated on one debtor"));
        Applications.refused(again, bankB.id(), "Outside our region");
        Api.as(Api.enterprise(sme.id())).get(PATH + "/" + again).then().body("status", equalTo("REFUSED"));
        Api.as(Api.enterprise(sme.id())).get("/api/v1/receivables/" + receivable + "/pledge").then()
                .body("pledged", equalTo(false));
        problem(Api.as(Api.enterprise(sme.id())).body(Map.of("reason", "late")).put(PATH + "/" + again + "/withdrawal")
                .then(), 409);
    }

    @Test
    void anOfferLeftPastItsValidityLapsesAndSoDoesTheApplicationWhenNobodyIsLeft() {
        Known debtor = RegistryFeed.large();
        String receivable = Api.confirmed(sme.id(), debtor, "100000.00");
        String id = Applications.submitted(sme.id(), Applications.receivablesFinancing("80000.00", List.of(receivable),
                bankA.id()));
        Applications.offered(id, bankA.id(), Applications.offer("80000.00", "4.35", 6, "EQUAL_PRINCIPAL"));
        LocalDate validUntil = LocalDate.parse(Api.as(Api.enterprise(sme.id())).get(PATH + "/" + id).then()
                .extract().path("lenders[0].offer.valid_until"));
        assertThat(validUntil).isEqualTo(LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(30));
        expiry.lapseExpired(validUntil);
        Api.as(Api.enterprise(sme.id())).get(PATH + "/" + id).then().body("status", equalTo("OFFERED"));
        assertThat(expiry.lapseExpired(validUntil.plusDays(1))).isGreaterThanOrEqualTo(1);
        Api.as(Api.enterprise(sme.id())).get(PATH + "/" + id).then().body("status", equalTo("LAPSED"))
                .body("lenders[0].status", equalTo("LAPSED"));
        Api.as(Api.enterprise(sme.id())).get("/api/v1/receivables/" + receivable + "/pledge").then()
                .body("pledged", equalTo(false));
        problem(Api.as(Api.enterprise(sme.id())).body(Map.of("lender_org_id", bankA.id().toString()))
                .put(PATH + "/" + id + "/acceptance").then(), 409);
    }

    @Test
    void ofTwoApplicationsRacingForOneReceivableThroughTheApiExactlyOneIsSubmitted() throws Exception {
        Known debtor = RegistryFeed.large();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int race = 0; race < 5; race++) {
                String receivable = Api.confirmed(sme.id(), debtor, "1000.00");
                CyclicBarrier start = new CyclicBarrier(2);
                List<Callable<Integer>> contenders = new ArrayList<>();
                for (Known bank : List.of(bankA, bankB)) {
                    String token = Api.enterprise(sme.id());
                    Map<String, Object> body = Applications.receivablesFinancing("800.00", List.of(receivable), bank.id());
                    contenders.add(() -> {
                        start.await(10, TimeUnit.SECONDS);
                        return Api.as(token).body(body).post(PATH).then().extract().statusCode();
                    });
                }
                List<Integer> outcomes = new ArrayList<>();
                for (Future<Integer> f : pool.invokeAll(contenders)) {
                    outcomes.add(f.get());
                }
                assertThat(outcomes).as("race %d", race).containsExactlyInAnyOrder(201, 409);
            }
        } finally {
            pool.shutdownNow();
        }
        Api.as(Api.enterprise(sme.id())).queryParam("limit", 100).get(PATH).then().body("items", hasSize(5))
                .body("items.status", not(hasItem("WITHDRAWN")));
    }

    @Test
    void administratorsSeeEveryPartButActForNoLender() {
        String id = application();
        Applications.startReview(id, Applications.lender(bankA.id()));
        Api.as(TestJwt.admin()).get(PATH + "/" + id).then().statusCode(200).body("lenders", hasSize(2))
                .body("lenders.review_started_by", hasItem(notNullValue()));
        problem(Api.as(TestJwt.admin()).put(PATH + "/" + id + "/review").then(), 403);
        problem(approve(id, TestJwt.admin()), 403);
    }
}
