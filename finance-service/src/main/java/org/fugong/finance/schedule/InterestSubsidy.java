package org.fugong.finance.schedule;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.fugong.finance.schedule.RepaymentSchedule.Instalment;

/**
 * Splits each instalment's interest between the part an interest subsidy pays and the part the
 * borrower bears. The subsidy is a share of a base rate — for 财金〔2020〕5号 as seeded, 50 % of the
 * central bank's relending rate, not of the loan's rate; which rate is the policy's
 * {@link SubsidyBasis} — on the principal outstanding during the month, for the instalments that
 * fall due within the subsidy's months (12) of disbursement:
 * outstanding × base rate × share / 120000, rounded half-even to the cent, and never more than
 * the instalment's interest (a loan cheaper than the subsidy costs the borrower nothing, not less).
 * The borrower's part is the interest less the subsidy, so the two sum to the interest exactly and
 * neither is negative.
 */
public final class InterestSubsidy {

    private static final BigDecimal DIVISOR = BigDecimal.valueOf(120_000); // percent × percent × 12 months
    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    /** The subsidy's terms: the base rate and the share of it paid, in percent, and for how many months. */
    public record Terms(BigDecimal baseRatePercent, BigDecimal sharePercent, int months) {
        public Terms {
            Objects.requireNonNull(baseRatePercent, "baseRatePercent");
            Objects.requireNonNull(sharePercent, "sharePercent");
            if (baseRatePercent.signum() < 0 || sharePercent.signum() < 0
                    || sharePercent.compareTo(BigDecimal.valueOf(100)) > 0 || months < 0) {
                throw new IllegalArgumentException("rates and shares are 0..100 %, months not negative");
            }
        }
    }

    /** One instalment's interest, split. */
    public record Split(int number, BigDecimal interest, BigDecimal subsidy, BigDecimal borrower) {
    }

    private InterestSubsidy() {
    }

    /** Every instalment split; without terms (no subsidy applies) the borrower bears all the interest. */
    public static List<Split> split(List<Instalment> schedule, LocalDate disbursedOn, Terms terms) {
        List<Split> splits = new ArrayList<>(schedule.size());
        LocalDate lastSubsidised = terms == null ? null : disbursedOn.plusMonths(terms.months());
        for (Instalment i : schedule) {
            BigDecimal outstanding = i.remainingPrincipal().add(i.principal());
            BigDecimal subsidy = terms == null || i.dueDate().isAfter(lastSubsidised) ? ZERO
                    : monthsSubsidy(outstanding, terms).min(i.interest());
            splits.add(new Split(i.number(), i.interest(), subsidy, i.interest().subtract(subsidy)));
        }
        return List.copyOf(splits);
    }

    static BigDecimal monthsSubsidy(BigDecimal outstanding, Terms terms) {
        return outstanding.multiply(terms.baseRatePercent()).multiply(terms.sharePercent())
                .divide(DIVISOR, 2, RoundingMode.HALF_EVEN);
    }
}
