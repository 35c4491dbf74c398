package org.fugong.finance.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.fugong.finance.schedule.InterestSubsidy;
import org.fugong.finance.schedule.SubsidyBasis;
import org.fugong.finance.schedule.RepaymentMethod;
import org.fugong.platform.problem.ProblemException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The application's state machine alone: every transition, its precondition, and the status that follows. */
class FinancingApplicationTransitionsTest {

    static final Instant NOW = Instant.parse("2020-02-22T02:00:00Z");
    static final LocalDate TODAY = LocalDate.of(2020, 2, 22);
    static final LocalDate VALID_UNTIL = TODAY.plusDays(30);
    static final UUID BANK_A = UUID.fromString("00000000-0000-7000-8000-00000000000a");
    static final UUID BANK_B = UUID.fromString("00000000-0000-7000-8000-00000000000b");
    static final Offer OFFER = new Offer(new BigDecimal("800000.00"), new BigDecimal("3.15"), 12,
            RepaymentMethod.EQUAL_INSTALMENTS);

    FinancingApplication a;

    @BeforeEach
    void submitted() {
        a = FinancingApplication.submitted(UUID.randomUUID(), UUID.randomUUID(), Product.WORKING_CAPITAL_LOAN,
                new BigDecimal("1000000.00"), 12, "masks", 9, Eligibility.SME, List.of(BANK_A, BANK_B), "applicant", NOW);
    }

    static void status(ThrowingCallable call, int status) {
        assertThatThrownBy(call).isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(((ProblemException) e).problem().status()).isEqualTo(status));
    }

    LenderStatus of(UUID bank) {
        return a.lender(bank).orElseThrow().status;
    }

    void offered(UUID bank) {
        a.startReview(bank, "maker", NOW);
        a.recommendOffer(bank, OFFER, "maker", NOW);
        a.approve(bank, "checker", NOW, VALID_UNTIL);
    }

    @Test
    void submittedToEveryLenderPending() {
        assertThat(a.status).isEqualTo(ApplicationStatus.SUBMITTED);
        assertThat(a.lenders).extracting(l -> l.status).containsOnly(LenderStatus.PENDING);
        assertThat(a.lenderOrgIds()).containsExactly(BANK_A, BANK_B);
    }

    @Test
    void theFirstReviewMovesTheApplicationUnderReviewAndARepeatIsNoChange() {
        assertThat(a.startReview(BANK_A, "maker", NOW)).isTrue();
        assertThat(a.status).isEqualTo(ApplicationStatus.UNDER_REVIEW);
        assertThat(a.startReview(BANK_A, "someone else", NOW)).isFalse();
        assertThat(a.lender(BANK_A).orElseThrow().reviewStartedBy).isEqualTo("maker");
        assertThat(of(BANK_B)).isEqualTo(LenderStatus.PENDING);
    }

    @Test
    void aRecommendationNeedsAStartedReviewAndCannotBeChangedWhileItAwaitsTheChecker() {
        status(() -> a.recommendOffer(BANK_A, OFFER, "maker", NOW), 409);
        a.startReview(BANK_A, "maker", NOW);
        a.recommendOffer(BANK_A, OFFER, "maker", NOW);
        assertThat(of(BANK_A)).isEqualTo(LenderStatus.RECOMMENDED);
        assertThat(a.status).isEqualTo(ApplicationStatus.UNDER_REVIEW);
        status(() -> a.recommendRefusal(BANK_A, "changed my mind", "maker", NOW), 409);
        status(() -> a.recommendOffer(BANK_A, OFFER, "another maker", NOW), 409);
    }

    @Test
    void theCheckerIsNeverTheMaker() {
        a.startReview(BANK_A, "maker", NOW);
        a.recommendOffer(BANK_A, OFFER, "maker", NOW);
        status(() -> a.approve(BANK_A, "maker", NOW, VALID_UNTIL), 403);
        status(() -> a.returnRecommendation(BANK_A, "no", "maker", NOW), 403);
        assertThat(of(BANK_A)).isEqualTo(LenderStatus.RECOMMENDED);
        a.approve(BANK_A, "checker", NOW, VALID_UNTIL);
        LenderReview l = a.lender(BANK_A).orElseThrow();
        assertThat(l.status).isEqualTo(LenderStatus.OFFERED);
        assertThat(l.recommendedBy).isEqualTo("maker");
        assertThat(l.approvedBy).isEqualTo("checker");
        assertThat(l.offerValidUntil).isEqualTo(VALID_UNTIL);
        assertThat(a.status).isEqualTo(ApplicationStatus.OFFERED);
        status(() -> a.approve(BANK_A, "third", NOW, VALID_UNTIL), 409);
    }

    @Test
    void aReturnedRecommendationIsForgottenAndAnotherMayBeMade() {
        a.startReview(BANK_A, "maker", NOW);
        a.recommendOffer(BANK_A, OFFER, "maker", NOW);
        a.returnRecommendation(BANK_A, "check the rate", "checker", NOW);
        LenderReview l = a.lender(BANK_A).orElseThrow();
        assertThat(l.status).isEqualTo(LenderStatus.UNDER_REVIEW);
        assertThat(l.offerAmount).isNull();
        assertThat(l.recommendedBy).isNull();
        assertThat(l.returnedReason).isEqualTo("check the rate");
        // The former checker may now be the maker, and the former maker the checker.
        a.recommendRefusal(BANK_A, "too concentrated", "checker", NOW);
        a.approve(BANK_A, "maker", NOW, VALID_UNTIL);
        assertThat(l.status).isEqualTo(LenderStatus.REFUSED);
        assertThat(l.refusalReason).isEqualTo("too concentrated");
    }

    @Test
    void everyLenderRefusingRefusesTheApplication() {
        for (UUID bank : List.of(BANK_A, BANK_B)) {
            a.startReview(bank, "maker", NOW);
            a.recommendRefusal(bank, "no", "maker", NOW);
            a.approve(bank, "checker", NOW, VALID_UNTIL);
        }
        assertThat(a.status).isEqualTo(ApplicationStatus.REFUSED);
        status(() -> a.startReview(BANK_A, "x", NOW), 409);
        status(() -> a.withdraw("late", NOW), 409);
    }

    @Test
    void acceptingOneOfferLapsesEveryOtherLendersPart() {
        offered(BANK_A);
        a.startReview(BANK_B, "b-maker", NOW);
        status(() -> a.accept(BANK_B, TODAY, NOW), 409);
        a.accept(BANK_A, TODAY, NOW);
        assertThat(a.status).isEqualTo(ApplicationStatus.ACCEPTED);
        assertThat(a.acceptedLenderOrgId).isEqualTo(BANK_A);
        assertThat(of(BANK_A)).isEqualTo(LenderStatus.ACCEPTED);
        assertThat(of(BANK_B)).isEqualTo(LenderStatus.LAPSED);
        status(() -> a.accept(BANK_A, TODAY, NOW), 409);
        status(() -> a.recommendOffer(BANK_B, OFFER, "b-maker", NOW), 409);
    }

    @Test
    void anOfferPastItsValidityCannotBeAcceptedAndLapses() {
        offered(BANK_A);
        status(() -> a.accept(BANK_A, VALID_UNTIL.plusDays(1), NOW), 409);
        assertThat(a.lapseExpiredOffers(VALID_UNTIL, NOW)).isFalse();
        // Bank B still reviews: the application goes back under review, not lapsed.
        a.startReview(BANK_B, "b", NOW);
        assertThat(a.lapseExpiredOffers(VALID_UNTIL.plusDays(1), NOW)).isTrue();
        assertThat(of(BANK_A)).isEqualTo(LenderStatus.LAPSED);
        assertThat(a.status).isEqualTo(ApplicationStatus.UNDER_REVIEW);
        a.recommendRefusal(BANK_B, "no", "b", NOW);
        a.approve(BANK_B, "b2", NOW, VALID_UNTIL);
        // Nobody left to answer and an offer lapsed: LAPSED rather than REFUSED.
        assertThat(a.status).isEqualTo(ApplicationStatus.LAPSED);
    }

    @Test
    void aSuspensionHoldsItAndReinstatementReturnsItWhereItWas() {
        offered(BANK_A);
        assertThat(a.hold("Enterprise SUSPENDED", NOW)).isTrue();
        assertThat(a.status).isEqualTo(ApplicationStatus.ON_HOLD);
        assertThat(a.heldFrom).isEqualTo(ApplicationStatus.OFFERED);
        assertThat(a.hold("Enterprise SUSPENDED: another reason", NOW)).isFalse();
        assertThat(a.holdReason).isEqualTo("Enterprise SUSPENDED: another reason");
        status(() -> a.accept(BANK_A, TODAY, NOW), 409);
        status(() -> a.startReview(BANK_B, "b", NOW), 409);
        assertThat(a.resume(NOW)).isTrue();
        assertThat(a.status).isEqualTo(ApplicationStatus.OFFERED);
        assertThat(a.heldFrom).isNull();
        assertThat(a.holdReason).isNull();
        assertThat(a.resume(NOW)).isFalse();
        a.accept(BANK_A, TODAY, NOW);
        assertThat(a.hold("again", NOW)).isTrue();
        assertThat(a.heldFrom).isEqualTo(ApplicationStatus.ACCEPTED);
        status(() -> a.disburse(BANK_A, TODAY, null, "a", NOW), 409);
    }

    @Test
    void withdrawingEndsEveryLiveLendersPartOnHoldOrNot() {
        offered(BANK_A);
        a.hold("SUSPENDED", NOW);
        a.withdraw("Enterprise DEREGISTERED", NOW);
        assertThat(a.status).isEqualTo(ApplicationStatus.WITHDRAWN);
        assertThat(a.heldFrom).isNull();
        assertThat(a.lenders).extracting(l -> l.status).containsOnly(LenderStatus.WITHDRAWN);
        assertThat(a.withdrawalReason).isEqualTo("Enterprise DEREGISTERED");
        assertThat(a.hold("x", NOW)).isFalse();
        assertThat(a.resume(NOW)).isFalse();
    }

    @Test
    void onlyTheAcceptedLenderDisbursesWithTheAcceptedTermsAndTheLoanEndsRepaid() {
        offered(BANK_A);
        status(() -> a.disburse(BANK_A, TODAY, null, "a", NOW), 409);
        a.accept(BANK_A, TODAY, NOW);
        status(() -> a.disburse(BANK_B, TODAY, null, "b", NOW), 403);
        status(() -> a.repaid(NOW), 409);
        assertThat(a.acceptedOffer()).contains(OFFER);
        LoanSubsidy subsidy = new LoanSubsidy(UUID.fromString("01706000-0000-7000-8000-000000000006"),
                SubsidyBasis.RELENDING_RATE, new InterestSubsidy.Terms(new BigDecimal("2.5"), new BigDecimal("50"), 12));
        Offer terms = a.disburse(BANK_A, TODAY, subsidy, "a-ops", NOW);
        assertThat(terms).isEqualTo(OFFER);
        assertThat(a.status).isEqualTo(ApplicationStatus.DISBURSED);
        assertThat(a.principal).isEqualByComparingTo("800000.00");
        assertThat(a.subsidy()).contains(subsidy);
        status(() -> a.withdraw("too late", NOW), 409);
        assertThat(a.hold("SUSPENDED", NOW)).isFalse();
        status(() -> a.disburse(BANK_A, TODAY, null, "a", NOW), 409);
        a.repaid(NOW);
        assertThat(a.status).isEqualTo(ApplicationStatus.REPAID);
        status(() -> a.repaid(NOW), 409);
    }

    @Test
    void aLenderTheApplicationWasNotSentToIsRefused() {
        status(() -> a.startReview(UUID.randomUUID(), "x", NOW), 403);
        offered(BANK_A);
        status(() -> a.accept(UUID.randomUUID(), TODAY, NOW), 400);
    }
}
