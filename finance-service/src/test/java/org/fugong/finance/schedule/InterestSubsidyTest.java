package org.fugong.finance.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.fugong.finance.schedule.InterestSubsidy.Split;
import org.fugong.finance.schedule.InterestSubsidy.Terms;
import org.fugong.finance.schedule.RepaymentSchedule.Instalment;
import org.junit.jupiter.api.Test;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The subsidy's split of each instalment's interest: half the relending rate on what is outstanding,
 * for twelve months, never more than the interest; the two parts sum to it exactly.
 */
class InterestSubsidyTest {

    static final LocalDate DISBURSED = LocalDate.of(2020, 3, 2);
    static final Terms SPECIAL_RELENDING = new Terms(new BigDecimal("2.5"), new BigDecimal("50"), 12);

    static BigDecimal money(String amount) {
        return new BigDecimal(amount);
    }

    @Test
    void halfTheRelendingRateNotOfTheLoansRateWorkedByHand() {
        // 1,000,000.00 at 3.15 % over 24 months, equal principal: month 1 interest 1,000,000 × 3.15 / 1200 = 2,625.00;
        // the subsidy 1,000,000 × 2.5 × 50 / 120000 = 1,041.67 (not half of 2,625.00); the borrower bears 1,583.33.
        List<Instalment> schedule = RepaymentSchedule.of(RepaymentMethod.EQUAL_PRINCIPAL, money("1000000.00"),
                money("3.15"), 24, DISBURSED);
        List<Split> splits = InterestSubsidy.split(schedule, DISBURSED, SPECIAL_RELENDING);
        assertThat(splits.get(0).interest()).isEqualByComparingTo("2625.00");
        assertThat(splits.get(0).subsidy()).isEqualByComparingTo("1041.67");
        assertThat(splits.get(0).borrower()).isEqualByComparingTo("1583.33");
        // Month 2: 958,333.33 outstanding → subsidy 998.26, interest 2,515.62
        assertThat(splits.get(1).subsidy()).isEqualByComparingTo("998.26");
        assertThat(splits.get(1).interest()).isEqualByComparingTo("2515.62");
    }

    @Test
    void onlyInstalmentsDueWithinTwelveMonthsOfDisbursementAreSubsidised() {
        List<Instalment> schedule = RepaymentSchedule.of(RepaymentMethod.EQUAL_INSTALMENTS, money("500000.00"),
                money("3.15"), 18, DISBURSED);
        List<Split> splits = InterestSubsidy.split(schedule, DISBURSED, SPECIAL_RELENDING);
        assertThat(schedule.get(11).dueDate()).isEqualTo(LocalDate.of(2021, 3, 2));
        assertThat(splits.subList(0, 12)).allSatisfy(s -> assertThat(s.subsidy()).isPositive());
        assertThat(splits.subList(12, 18)).allSatisfy(s -> {
            assertThat(s.subsidy()).isEqualByComparingTo("0.00");
            assertThat(s.borrower()).isEqualTo(s.interest());
        });
    }

    @Test
    void aLoanCheaperThanTheSubsidyCostsTheBorrowerNothingNotLessThanNothing() {
        // 1 % a year against a subsidy of 1.25 % a year: capped at the interest.
        List<Split> splits = InterestSubsidy.split(RepaymentSchedule.of(RepaymentMethod.EQUAL_PRINCIPAL,
                money("120000.00"), money("1"), 6, DISBURSED), DISBURSED, SPECIAL_RELENDING);
        assertThat(splits).allSatisfy(s -> {
            assertThat(s.subsidy()).isEqualTo(s.interest());
            assertThat(s.borrower()).isEqualByComparingTo("0.00");
        });
        // An interest-free loan has nothing to subsidise.
        assertThat(InterestSubsidy.split(RepaymentSchedule.of(RepaymentMethod.EQUAL_INSTALMENTS, money("1000.00"),
                BigDecimal.ZERO, 3, DISBURSED), DISBURSED, SPECIAL_RELENDING))
                .allSatisfy(s -> assertThat(s.subsidy().signum()).isZero());
    }

    @Test
    void withoutTermsTheBorrowerBearsAllTheInterest() {
        List<Instalment> schedule = RepaymentSchedule.of(RepaymentMethod.EQUAL_INSTALMENTS, money("100000.00"),
                money("4.35"), 12, DISBURSED);
        assertThat(InterestSubsidy.split(schedule, DISBURSED, null)).allSatisfy(s -> {
            assertThat(s.subsidy()).isEqualByComparingTo("0.00");
            assertThat(s.borrower()).isEqualTo(s.interest());
        });
    }

    @Test
    void termsOutOfRangeAreRefused() {
        assertThatThrownBy(() -> new Terms(money("-1"), money("50"), 12)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Terms(money("2.5"), money("101"), 12)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Terms(money("2.5"), money("50"), -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Provide
    Arbitrary<BigDecimal> principals() {
        return Arbitraries.longs().between(1, 100_000_000_000L).map(cents -> BigDecimal.valueOf(cents, 2));
    }

    @Provide
    Arbitrary<BigDecimal> rates() {
        return Arbitraries.integers().between(0, 360_000).map(r -> BigDecimal.valueOf(r, 4));
    }

    @Provide
    Arbitrary<BigDecimal> shares() {
        return Arbitraries.integers().between(0, 10_000).map(s -> BigDecimal.valueOf(s, 2));
    }

    @Property(tries = 300, seed = "14")
    void thePartsSumToTheInterestExactlyAndNeitherIsNegative(@ForAll("principals") BigDecimal principal,
            @ForAll("rates") BigDecimal loanRate, @ForAll("rates") BigDecimal relendingRate,
            @ForAll("shares") BigDecimal share, @ForAll @IntRange(min = 1, max = 360) int months,
            @ForAll @IntRange(min = 0, max = 36) int subsidyMonths, @ForAll boolean annuity) {
        List<Instalment> schedule = RepaymentSchedule.of(annuity ? RepaymentMethod.EQUAL_INSTALMENTS
                : RepaymentMethod.EQUAL_PRINCIPAL, principal, loanRate, months, DISBURSED);
        List<Split> splits = InterestSubsidy.split(schedule, DISBURSED, new Terms(relendingRate, share, subsidyMonths));
        assertThat(splits).hasSameSizeAs(schedule);
        for (int k = 0; k < schedule.size(); k++) {
            Split s = splits.get(k);
            Instalment i = schedule.get(k);
            assertThat(s.interest()).isEqualTo(i.interest());
            assertThat(s.subsidy().add(s.borrower())).isEqualTo(i.interest());
            assertThat(s.subsidy().signum()).isGreaterThanOrEqualTo(0);
            assertThat(s.borrower().signum()).isGreaterThanOrEqualTo(0);
            assertThat(s.subsidy().scale()).isEqualTo(2);
            assertThat(s.borrower().scale()).isEqualTo(2);
            if (i.dueDate().isAfter(DISBURSED.plusMonths(subsidyMonths))) {
                assertThat(s.subsidy().signum()).isZero();
            }
        }
    }
}
