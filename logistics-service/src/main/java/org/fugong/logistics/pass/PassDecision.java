package org.fugong.logistics.pass;

/**
 * Whether a pass is approved at once or waits for an authority covering its origin (issue 13, item
 * 1). Approved at once when the enterprise is ACTIVE, of tier ESSENTIAL or KEY_INDUSTRY or a key
 * enterprise, the cargo is a priority category, and neither end of the route is HIGH — except that
 * medical supplies and livelihood goods into or out of a HIGH county are exactly what the green
 * channel is for, and are approved too. Only the two ends count: what lies between only says where
 * the vehicle may be. {@code rule} names the row that applied and is stored with the pass.
 */
public record PassDecision(PassStatus status, String rule) {

    public static final String APPROVED = "PRIORITY_CARGO_OF_PRIORITY_ENTERPRISE_APPROVED";
    public static final String APPROVED_THROUGH_HIGH_RISK = "MEDICAL_OR_LIVELIHOOD_INTO_OR_OUT_OF_HIGH_RISK_APPROVED";
    public static final String ENTERPRISE_NOT_ACTIVE = "ENTERPRISE_NOT_ACTIVE_NEEDS_REVIEW";
    public static final String ENTERPRISE_NOT_PRIORITY = "ENTERPRISE_NOT_PRIORITY_NEEDS_REVIEW";
    public static final String CARGO_NOT_PRIORITY = "CARGO_NOT_PRIORITY_NEEDS_REVIEW";
    public static final String HIGH_RISK_END = "HIGH_RISK_END_NEEDS_REVIEW";

    /** What the rule reads of the applying enterprise, from the registry's events. */
    public record Applicant(boolean active, String priorityTier, boolean keyEnterprise) {
    }

    public static PassDecision decide(Applicant applicant, CargoCategory cargo, boolean originHigh,
            boolean destinationHigh) {
        if (!applicant.active()) {
            return review(ENTERPRISE_NOT_ACTIVE);
        }
        boolean priorityEnterprise = "ESSENTIAL".equals(applicant.priorityTier())
                || "KEY_INDUSTRY".equals(applicant.priorityTier()) || applicant.keyEnterprise();
        if (!priorityEnterprise) {
            return review(ENTERPRISE_NOT_PRIORITY);
        }
        if (!CargoCategory.PRIORITY.contains(cargo)) {
            return review(CARGO_NOT_PRIORITY);
        }
        if (originHigh || destinationHigh) {
            return CargoCategory.THROUGH_HIGH_RISK.contains(cargo)
                    ? new PassDecision(PassStatus.APPROVED, APPROVED_THROUGH_HIGH_RISK)
                    : review(HIGH_RISK_END);
        }
        return new PassDecision(PassStatus.APPROVED, APPROVED);
    }

    /**
     * Whether an approved pass stands when an end of its route turns HIGH: only the cargo the
     * channel exists for into and out of HIGH counties would still be approved by this rule there.
     */
    public static boolean standsWhenAnEndTurnsHigh(CargoCategory cargo) {
        return CargoCategory.THROUGH_HIGH_RISK.contains(cargo);
    }

    private static PassDecision review(String rule) {
        return new PassDecision(PassStatus.PENDING_REVIEW, rule);
    }
}
