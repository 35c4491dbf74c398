package org.fugong.finance.schedule;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A monthly repayment schedule, exact to the cent. Interest for a month is the outstanding
 * principal times the monthly rate (the annual rate / 12, as Chinese banks quote 月利率), rounded
 * half-even to the cent from the exact product. Every instalment but the last repays the method's principal; the last
 * repays whatever is left, so the instalments' principal sums to the loan exactly and the last
 * absorbs every rounding. Principal and interest are never negative: when the rounded annuity
 * payment would repay more than is left (tiny loans over long terms), an instalment repays only
 * what is left, and when it would not cover a month's interest it repays none.
 *
 * <p>Amounts are CNY with two decimals; intermediate figures are carried at 34 significant digits
 * (DECIMAL128), never in binary floating point.
 */
public final class RepaymentSchedule {

    static final MathContext PRECISION = MathContext.DECIMAL128;
    private static final BigDecimal TWELVE_HUNDRED = BigDecimal.valueOf(1200);

    /** One month's due: what it repays of the principal, the interest, their sum, and what is left after it. */
    public record Instalment(int number, LocalDate dueDate, BigDecimal principal, BigDecimal interest,
            BigDecimal payment, BigDecimal remainingPrincipal) {
    }

    private RepaymentSchedule() {
    }

    /**
     * @param principal         the loan, positive, at most two decimals
     * @param annualRatePercent e.g. 4.35 for 4.35 % a year; 0 for an interest-free loan
     * @param months            the term, at least 1
     * @param disbursedOn       instalment k falls due k months after it (month ends clamp, 31 Jan → 29 Feb)
     */
    public static List<Instalment> of(RepaymentMethod method, BigDecimal principal, BigDecimal annualRatePercent,
            int months, LocalDate disbursedOn) {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(disbursedOn, "disbursedOn");
        if (principal == null || principal.signum() <= 0 || principal.stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException("principal must be positive with at most two decimals");
        }
        if (annualRatePercent == null || annualRatePercent.signum() < 0) {
            throw new IllegalArgumentException("the annual rate must be zero or positive");
        }
        if (months < 1) {
            throw new IllegalArgumentException("the term must be at least one month");
        }
        BigDecimal loan = principal.setScale(2);
        BigDecimal monthlyRate = annualRatePercent.divide(TWELVE_HUNDRED, PRECISION);
        BigDecimal regular = method == RepaymentMethod.EQUAL_INSTALMENTS
                ? cents(annuityPayment(loan, monthlyRate, months))
                : cents(loan.divide(BigDecimal.valueOf(months), PRECISION));
        List<Instalment> instalments = new ArrayList<>(months);
        BigDecimal remaining = loan;
        for (int k = 1; k <= months; k++) {
            BigDecimal interest = monthsInterest(remaining, annualRatePercent);
            BigDecimal repaid;
            if (k == months) {
                repaid = remaining;
            } else if (method == RepaymentMethod.EQUAL_INSTALMENTS) {
                repaid = regular.subtract(interest).max(BigDecimal.ZERO.setScale(2)).min(remaining);
            } else {
                repaid = regular.min(remaining);
            }
            remaining = remaining.subtract(repaid);
            instalments.add(new Instalment(k, disbursedOn.plusMonths(k), repaid, interest, repaid.add(interest), remaining));
        }
        return List.copyOf(instalments);
    }

    /**
     * The level monthly payment that repays the loan in {@code months} at {@code rate} a month:
     * P·r / (1 − (1 + r)^−n), and P / n without interest.
     */
    static BigDecimal annuityPayment(BigDecimal principal, BigDecimal rate, int months) {
        if (rate.signum() == 0) {
            return principal.divide(BigDecimal.valueOf(months), PRECISION);
        }
        BigDecimal growth = BigDecimal.ONE.add(rate).pow(months, PRECISION);
        return principal.multiply(rate, PRECISION).multiply(growth, PRECISION)
                .divide(growth.subtract(BigDecimal.ONE), PRECISION);
    }

    /**
     * Outstanding × annual rate / 1200, rounded half-even from the exact quotient: rounding the
     * monthly rate first would tip amounts that are exactly half a cent (0.30 at 20 %) either way.
     */
    static BigDecimal monthsInterest(BigDecimal outstanding, BigDecimal annualRatePercent) {
        return outstanding.multiply(annualRatePercent).divide(TWELVE_HUNDRED, 2, RoundingMode.HALF_EVEN);
    }

    private static BigDecimal cents(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_EVEN);
    }
}
