package org.fugong.finance.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.fugong.finance.schedule.RepaymentSchedule.Instalment;
import org.junit.jupiter.api.Test;

/**
 * Schedules checked against figures worked out by hand. The example is 100,000.00 CNY at 4.35 %
 * a year (the PBOC one-year benchmark rate of 2015-2019) over 12 months, so the monthly rate is
 * 0.3625 %.
 *
 * <p>Equal principal: 100,000 / 12 = 8,333.33 (rounded), the last month 100,000 − 11 × 8,333.33 =
 * 8,333.37; the first month's interest 100,000 × 0.003625 = 362.50, the second's 91,666.67 ×
 * 0.003625 = 332.2917 → 332.29, the last's 8,333.37 × 0.003625 = 30.2085 → 30.21. Total interest
 * without rounding is r·P·(n+1)/2 = 0.003625 × 100,000 × 6.5 = 2,356.25; with each month rounded
 * to the cent it is 2,356.26.
 *
 * <p>Equal instalments: P·r / (1 − (1 + r)^−12) = 8,530.990036… → 8,530.99 (the monthly payment
 * Chinese loan calculators quote for this loan); the first month's interest 362.50, so its
 * principal 8,168.49; the remaining 91,831.51 × 0.003625 = 332.8892 → 332.89 in month two. The
 * last month repays the 8,500.20 left plus 8,500.20 × 0.003625 = 30.81 interest: 8,531.01, two
 * cents more than the others. Total interest 2,371.90. The whole table was also recomputed row by
 * row with Python's decimal module at 40 digits, half-even, to the same figures.
 */
class RepaymentScheduleTest {

    static final BigDecimal LOAN = new BigDecimal("100000.00");
    static final BigDecimal RATE = new BigDecimal("4.35");
    static final LocalDate DISBURSED = LocalDate.of(2020, 3, 2);

    @Test
    void equalInstalmentsOf100000At435PercentFor12Months() {
        List<Instalment> s = RepaymentSchedule.of(RepaymentMethod.EQUAL_INSTALMENTS, LOAN, RATE, 12, DISBURSED);
        assertThat(s).hasSize(12);
        assertThat(s.get(0)).isEqualTo(new Instalment(1, LocalDate.of(2020, 4, 2), new BigDecimal("8168.49"),
                new BigDecimal("362.50"), new BigDecimal("8530.99"), new BigDecimal("91831.51")));
        assertThat(s.get(1).interest()).isEqualByComparingTo("332.89");
        assertThat(s.get(1).principal()).isEqualByComparingTo("8198.10");
        assertThat(s.subList(0, 11)).extracting(Instalment::payment).containsOnly(new BigDecimal("8530.99"));
        assertThat(s.get(10).remainingPrincipal()).isEqualByComparingTo("8500.20");
        assertThat(s.get(11)).isEqualTo(new Instalment(12, LocalDate.of(2021, 3, 2), new BigDecimal("8500.20"),
                new BigDecimal("30.81"), new BigDecimal("8531.01"), new BigDecimal("0.00")));
        assertThat(totalInterest(s)).isEqualByComparingTo("2371.90");
        assertThat(totalPrincipal(s)).isEqualByComparingTo(LOAN);
    }

    @Test
    void equalPrincipalOf100000At435PercentFor12Months() {
        List<Instalment> s = RepaymentSchedule.of(RepaymentMethod.EQUAL_PRINCIPAL, LOAN, RATE, 12, DISBURSED);
        assertThat(s.subList(0, 11)).extracting(Instalment::principal).containsOnly(new BigDecimal("8333.33"));
        assertThat(s.get(0).interest()).isEqualByComparingTo("362.50");
        assertThat(s.get(0).payment()).isEqualByComparingTo("8695.83");
        assertThat(s.get(1).interest()).isEqualByComparingTo("332.29");
        assertThat(s.get(11)).isEqualTo(new Instalment(12, LocalDate.of(2021, 3, 2), new BigDecimal("8333.37"),
                new BigDecimal("30.21"), new BigDecimal("8363.58"), new BigDecimal("0.00")));
        assertThat(totalInterest(s)).isEqualByComparingTo("2356.26");
        assertThat(totalPrincipal(s)).isEqualByComparingTo(LOAN);
    }

    @Test
    void withoutInterestBothMethodsSplitThePrincipalAndTheLastMonthTakesTheOddCent() {
        for (RepaymentMethod method : RepaymentMethod.values()) {
            List<Instalment> s = RepaymentSchedule.of(method, new BigDecimal("100.00"), BigDecimal.ZERO, 3, DISBURSED);
            assertThat(s).extracting(Instalment::principal).as(method.name())
                    .containsExactly(new BigDecimal("33.33"), new BigDecimal("33.33"), new BigDecimal("33.34"));
            assertThat(s).extracting(Instalment::interest).containsOnly(new BigDecimal("0.00"));
        }
    }

    @Test
    void aOneMonthLoanIsRepaidAtOnceWithAMonthsInterest() {
        List<Instalment> s = RepaymentSchedule.of(RepaymentMethod.EQUAL_INSTALMENTS, new BigDecimal("1200.00"),
                new BigDecimal("12"), 1, DISBURSED);
        assertThat(s).containsExactly(new Instalment(1, LocalDate.of(2020, 4, 2), new BigDecimal("1200.00"),
                new BigDecimal("12.00"), new BigDecimal("1212.00"), new BigDecimal("0.00")));
    }

    @Test
    void aCentOverAYearIsRepaidInTheLastMonthAndNoMonthRepaysLessThanNothing() {
        List<Instalment> s = RepaymentSchedule.of(RepaymentMethod.EQUAL_INSTALMENTS, new BigDecimal("0.01"),
                new BigDecimal("36"), 12, DISBURSED);
        assertThat(s.subList(0, 11)).extracting(Instalment::payment).containsOnly(new BigDecimal("0.00"));
        assertThat(s.get(11).principal()).isEqualByComparingTo("0.01");
        // 2.00 over 360 months: the rounded payment (0.01) would repay 3.59; repayments stop when nothing is left.
        List<Instalment> tiny = RepaymentSchedule.of(RepaymentMethod.EQUAL_PRINCIPAL, new BigDecimal("2.00"),
                BigDecimal.ZERO, 360, DISBURSED);
        assertThat(totalPrincipal(tiny)).isEqualByComparingTo("2.00");
        assertThat(tiny).allSatisfy(i -> assertThat(i.remainingPrincipal().signum()).isNotNegative());
    }

    @Test
    void dueDatesAreCalendarMonthsAfterDisbursementClampedToTheMonthsEnd() {
        List<Instalment> s = RepaymentSchedule.of(RepaymentMethod.EQUAL_PRINCIPAL, new BigDecimal("300.00"),
                BigDecimal.ONE, 3, LocalDate.of(2020, 1, 31));
        assertThat(s).extracting(Instalment::dueDate).containsExactly(LocalDate.of(2020, 2, 29),
                LocalDate.of(2020, 3, 31), LocalDate.of(2020, 4, 30));
    }

    @Test
    void impossibleLoansAreRefused() {
        assertThatThrownBy(() -> RepaymentSchedule.of(RepaymentMethod.EQUAL_PRINCIPAL, new BigDecimal("0.00"), RATE, 12,
                DISBURSED)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RepaymentSchedule.of(RepaymentMethod.EQUAL_PRINCIPAL, new BigDecimal("1.005"), RATE, 12,
                DISBURSED)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RepaymentSchedule.of(RepaymentMethod.EQUAL_PRINCIPAL, LOAN, new BigDecimal("-0.01"), 12,
                DISBURSED)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RepaymentSchedule.of(RepaymentMethod.EQUAL_INSTALMENTS, LOAN, RATE, 0, DISBURSED))
                .isInstanceOf(IllegalArgumentException.class);
    }

    static BigDecimal totalInterest(List<Instalment> s) {
        return s.stream().map(Instalment::interest).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    static BigDecimal totalPrincipal(List<Instalment> s) {
        return s.stream().map(Instalment::principal).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
