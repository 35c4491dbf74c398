package org.fugong.finance.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

import org.fugong.finance.schedule.RepaymentSchedule.Instalment;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Schedules over random loans: principals from 0.01 to 10^9 CNY, annual rates from 0 to 36 % in
 * hundredths of a percent (0 and 36 among jqwik's edge cases), terms from 1 to 360 months. Seeded,
 * so a run repeats exactly; a failure reports the smallest loan that breaks the property.
 */
class RepaymentSchedulePropertiesTest {

    static final LocalDate DISBURSED = LocalDate.of(2020, 3, 2);
    static final String SEED = "20200302";

    @Provide
    /** From a cent to just under the 10^13 the API accepts. */
    Arbitrary<BigDecimal> principals() {
        return Arbitraries.longs().between(1L, 999_999_999_999_999L).map(cents -> BigDecimal.valueOf(cents, 2));
    }

    @Provide
    Arbitrary<BigDecimal> rates() {
        return Arbitraries.integers().between(0, 3600).map(hundredths -> BigDecimal.valueOf(hundredths, 2));
    }

    @Provide
    Arbitrary<Integer> terms() {
        return Arbitraries.integers().between(1, 360);
    }

    @Provide
    Arbitrary<RepaymentMethod> methods() {
        return Arbitraries.of(RepaymentMethod.class);
    }

    @Property(tries = 3000, seed = SEED)
    void theInstalmentsRepayThePrincipalExactlyAndNothingIsEverNegative(@ForAll("methods") RepaymentMethod method,
            @ForAll("principals") BigDecimal principal, @ForAll("rates") BigDecimal rate, @ForAll("terms") int months) {
        List<Instalment> s = RepaymentSchedule.of(method, principal, rate, months, DISBURSED);
        assertThat(s).hasSize(months);
        BigDecimal repaid = BigDecimal.ZERO;
        BigDecimal before = principal;
        for (Instalment i : s) {
            assertThat(i.number()).isEqualTo(s.indexOf(i) + 1);
            assertThat(i.dueDate()).isEqualTo(DISBURSED.plusMonths(i.number()));
            for (BigDecimal amount : List.of(i.principal(), i.interest(), i.payment(), i.remainingPrincipal())) {
                assertThat(amount.scale()).isEqualTo(2);
                assertThat(amount.signum()).isNotNegative();
            }
            assertThat(i.payment()).isEqualTo(i.principal().add(i.interest()));
            assertThat(i.remainingPrincipal()).isEqualTo(before.subtract(i.principal()));
            repaid = repaid.add(i.principal());
            before = i.remainingPrincipal();
        }
        assertThat(repaid).isEqualByComparingTo(principal);
        assertThat(s.get(months - 1).remainingPrincipal().signum()).isZero();
    }

    @Property(tries = 3000, seed = SEED)
    void eachMonthsInterestIsTheRoundedMonthlyRateOnWhatIsOutstandingSoItNeverRises(
            @ForAll("methods") RepaymentMethod method, @ForAll("principals") BigDecimal principal,
            @ForAll("rates") BigDecimal rate, @ForAll("terms") int months) {
        List<Instalment> s = RepaymentSchedule.of(method, principal, rate, months, DISBURSED);
        BigDecimal outstanding = principal;
        BigDecimal previous = null;
        for (Instalment i : s) {
            assertThat(i.interest()).isEqualTo(interestInCents(outstanding, rate));
            if (rate.signum() == 0) {
                assertThat(i.interest().signum()).isZero();
            }
            if (previous != null) {
                assertThat(i.interest()).isLessThanOrEqualTo(previous);
            }
            previous = i.interest();
            outstanding = i.remainingPrincipal();
        }
    }

    /**
     * Every month but the last pays the rounded annuity, except where that would repay more than is
     * left (then it repays what is left) or less than nothing (then it repays no principal); and
     * when neither happened, the last month differs from the others only by the rounding carried
     * through the term: at most a cent a month, grown at the loan's rate.
     */
    @Property(tries = 3000, seed = SEED)
    void equalInstalmentsAreEqualAndTheLastAbsorbsOnlyTheRounding(@ForAll("principals") BigDecimal principal,
            @ForAll("rates") BigDecimal rate, @ForAll("terms") int months) {
        List<Instalment> s = RepaymentSchedule.of(RepaymentMethod.EQUAL_INSTALMENTS, principal, rate, months, DISBURSED);
        BigDecimal monthly = rate.divide(BigDecimal.valueOf(1200), RepaymentSchedule.PRECISION);
        BigDecimal level = RepaymentSchedule.annuityPayment(principal, monthly, months).setScale(2, RoundingMode.HALF_EVEN);
        boolean regular = true;
        BigDecimal before = principal;
        for (Instalment i : s.subList(0, months - 1)) {
            boolean capped = i.principal().compareTo(before) == 0 && i.payment().compareTo(level) < 0;
            boolean floored = i.principal().signum() == 0 && i.payment().compareTo(level) > 0;
            assertThat(i.payment().compareTo(level) == 0 || capped || floored).as("instalment %d", i.number()).isTrue();
            regular &= !capped && !floored;
            before = i.remainingPrincipal();
        }
        if (regular) {
            BigDecimal growth = monthly.signum() == 0 ? BigDecimal.valueOf(months)
                    : BigDecimal.ONE.add(monthly).pow(months).subtract(BigDecimal.ONE)
                            .divide(monthly, RepaymentSchedule.PRECISION);
            BigDecimal bound = new BigDecimal("0.01").multiply(growth).add(new BigDecimal("0.01"));
            assertThat(s.get(months - 1).payment().subtract(level).abs()).isLessThanOrEqualTo(bound);
        }
    }

    /**
     * The month's interest worked out in whole numbers, independently of the schedule's BigDecimal
     * arithmetic: cents × hundredths of a percent / 120,000, rounded half to even.
     */
    static BigDecimal interestInCents(BigDecimal outstanding, BigDecimal rate) {
        BigInteger product = outstanding.setScale(2).unscaledValue().multiply(rate.setScale(2).unscaledValue());
        BigInteger[] qr = product.divideAndRemainder(BigInteger.valueOf(120_000));
        int half = qr[1].shiftLeft(1).compareTo(BigInteger.valueOf(120_000));
        BigInteger cents = half > 0 || (half == 0 && qr[0].testBit(0)) ? qr[0].add(BigInteger.ONE) : qr[0];
        return new BigDecimal(cents, 2);
    }

    @Property(tries = 3000, seed = SEED)
    void equalPrincipalRepaysTheSameShareEachMonthUntilNothingIsLeft(@ForAll("principals") BigDecimal principal,
            @ForAll("rates") BigDecimal rate, @ForAll("terms") int months) {
        List<Instalment> s = RepaymentSchedule.of(RepaymentMethod.EQUAL_PRINCIPAL, principal, rate, months, DISBURSED);
        BigDecimal share = principal.divide(BigDecimal.valueOf(months), 2, RoundingMode.HALF_EVEN);
        BigDecimal before = principal;
        for (Instalment i : s.subList(0, months - 1)) {
            assertThat(i.principal()).isEqualTo(share.min(before));
            before = i.remainingPrincipal();
        }
        BigDecimal last = s.get(months - 1).principal();
        // The last share is within a cent per month of the others (or all of what the capped months left).
        assertThat(last.subtract(share).abs()).isLessThanOrEqualTo(
                new BigDecimal("0.005").multiply(BigDecimal.valueOf(months)).max(share));
    }
}
