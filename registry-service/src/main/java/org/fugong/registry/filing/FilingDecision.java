package org.fugong.registry.filing;

import java.util.Optional;

import org.fugong.registry.enterprise.PriorityTier;
import org.fugong.registry.region.RiskLevel;

/**
 * Categorised guidance (opinion 10) for a resumption filing, decided from the county's risk level,
 * the enterprise's tier and its prevention measures. {@code rule} names the row that applied.
 */
public record FilingDecision(FilingStatus status, String rule) {

    public static final String LOW_RISK = "LOW_RISK_APPROVED";
    public static final String MEDIUM_READY = "MEDIUM_RISK_PRIORITY_WITH_ALL_MEASURES_APPROVED";
    public static final String MEDIUM_REVIEW = "MEDIUM_RISK_NEEDS_REVIEW";
    public static final String HIGH_ESSENTIAL_REVIEW = "HIGH_RISK_ESSENTIAL_NEEDS_REVIEW";
    public static final String HIGH_REJECTED = "HIGH_RISK_ONLY_ESSENTIAL";

    /**
     * The rule that forbids approving a filing under review now, if one does: categorised guidance
     * applies to the county's level at the time of the decision, not at the time of filing. Only a
     * rejection row forbids it; the measures matter only between approval at once and review.
     */
    public static Optional<String> forbidsApproval(RiskLevel risk, PriorityTier tier) {
        FilingDecision now = decide(risk, tier, true);
        return now.status() == FilingStatus.REJECTED ? Optional.of(now.rule()) : Optional.empty();
    }

    public static FilingDecision decide(RiskLevel risk, PriorityTier tier, boolean allMeasuresInPlace) {
        return switch (risk) {
            case LOW -> new FilingDecision(FilingStatus.APPROVED, LOW_RISK);
            case MEDIUM -> allMeasuresInPlace && tier != PriorityTier.STANDARD
                    ? new FilingDecision(FilingStatus.APPROVED, MEDIUM_READY)
                    : new FilingDecision(FilingStatus.PENDING_REVIEW, MEDIUM_REVIEW);
            case HIGH -> tier == PriorityTier.ESSENTIAL
                    ? new FilingDecision(FilingStatus.PENDING_REVIEW, HIGH_ESSENTIAL_REVIEW)
                    : new FilingDecision(FilingStatus.REJECTED, HIGH_REJECTED);
        };
    }
}
