package org.fugong.finance.application;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The review queue's priority: a sum of points, one term per factor, every factor shown with its
 * points (zero when it does not apply) so that a reviewer, and the applicant, can see why an
 * application stands where it does. The facts come from the registry's read model, except the days
 * of cash left, which the applicant declares.
 *
 * <ul>
 * <li>ESSENTIAL_TIER — the registry's priority tier is ESSENTIAL (medical supplies, protective gear,
 * drugs, agricultural inputs, food, daily necessities);</li>
 * <li>MEDICAL_SUPPLY_MAKER — the registry's industry code is one of the configured medical-supply
 * industries (by default MEDICAL_SUPPLIES, PROTECTIVE_GEAR, PHARMACEUTICALS): the registry has no
 * "maker of" field, and its industry code is what it knows of what an enterprise makes;</li>
 * <li>KEY_ENTERPRISE — on the white list of key enterprises;</li>
 * <li>MICRO_SIZE — size class MICRO;</li>
 * <li>DAYS_OF_CASH_LEFT — the full points at 0 days, falling linearly to none at the horizon
 * (points × (horizon − days) / horizon, rounded half-even to a whole point);</li>
 * <li>HUBEI — registered in a county under the configured prefix (42, Hubei).</li>
 * </ul>
 */
public final class PriorityScore {

    public static final String ESSENTIAL_TIER = "ESSENTIAL_TIER";
    public static final String MEDICAL_SUPPLY_MAKER = "MEDICAL_SUPPLY_MAKER";
    public static final String KEY_ENTERPRISE = "KEY_ENTERPRISE";
    public static final String MICRO_SIZE = "MICRO_SIZE";
    public static final String DAYS_OF_CASH_LEFT = "DAYS_OF_CASH_LEFT";
    public static final String HUBEI = "HUBEI";

    public record Weights(int essentialTier, int medicalSupplyMaker, Set<String> medicalSupplyIndustries,
            int keyEnterprise, int microSize, int cashLeft, int cashLeftHorizonDays, int hubei, String hubeiPrefix) {
        public Weights {
            Objects.requireNonNull(medicalSupplyIndustries, "medicalSupplyIndustries");
            Objects.requireNonNull(hubeiPrefix, "hubeiPrefix");
            if (cashLeftHorizonDays < 1) {
                throw new IllegalArgumentException("the cash-left horizon must be at least one day");
            }
        }
    }

    /** What the score is computed from. */
    public record Facts(String priorityTier, String industry, boolean keyEnterprise, String sizeClass,
            String regionCode, int daysOfCashLeft) {
    }

    public record Factor(String factor, int points, String detail) {
    }

    public record Score(int total, List<Factor> factors) {
    }

    private PriorityScore() {
    }

    public static Score of(Facts f, Weights w) {
        boolean essential = "ESSENTIAL".equals(f.priorityTier());
        boolean medical = f.industry() != null && w.medicalSupplyIndustries().contains(f.industry());
        boolean micro = "MICRO".equals(f.sizeClass());
        boolean hubei = f.regionCode() != null && f.regionCode().startsWith(w.hubeiPrefix());
        int days = Math.max(0, f.daysOfCashLeft());
        List<Factor> factors = List.of(
                new Factor(ESSENTIAL_TIER, essential ? w.essentialTier() : 0, "priority tier " + f.priorityTier()),
                new Factor(MEDICAL_SUPPLY_MAKER, medical ? w.medicalSupplyMaker() : 0, "industry " + f.industry()),
                new Factor(KEY_ENTERPRISE, f.keyEnterprise() ? w.keyEnterprise() : 0,
                        f.keyEnterprise() ? "on the white list" : "not on the white list"),
                new Factor(MICRO_SIZE, micro ? w.microSize() : 0, "size " + f.sizeClass()),
                new Factor(DAYS_OF_CASH_LEFT, cashLeftPoints(days, w),
                        days + " days of cash left (declared), horizon " + w.cashLeftHorizonDays()),
                new Factor(HUBEI, hubei ? w.hubei() : 0, "region " + f.regionCode()));
        return new Score(factors.stream().mapToInt(Factor::points).sum(), factors);
    }

    static int cashLeftPoints(int days, Weights w) {
        int shortfall = Math.max(0, w.cashLeftHorizonDays() - days);
        return BigDecimal.valueOf((long) w.cashLeft() * shortfall)
                .divide(BigDecimal.valueOf(w.cashLeftHorizonDays()), 0, RoundingMode.HALF_EVEN).intValueExact();
    }
}
