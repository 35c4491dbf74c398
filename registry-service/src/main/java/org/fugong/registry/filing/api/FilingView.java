package org.fugong.registry.filing.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fugong.registry.enterprise.PriorityTier;
import org.fugong.registry.filing.FilingStatus;
import org.fugong.registry.filing.PreventionMeasures;
import org.fugong.registry.filing.ResumptionFiling;
import org.fugong.registry.region.RiskLevel;

@Schema(name = "ResumptionFiling")
public record FilingView(UUID id, UUID enterpriseId, LocalDate plannedDate, int workforce,
        PreventionMeasures measures, RiskLevel regionRiskLevel, PriorityTier priorityTier, FilingStatus status,
        @Schema(description = "The categorised-guidance rule that decided", example = "LOW_RISK_APPROVED") String rule,
        @Schema(description = "The county's level when an authority reviewed the filing, which the review was decided against")
        RiskLevel reviewRiskLevel,
        String reviewNote, Instant reviewedAt, Instant filedAt, long version) {

    public static FilingView of(ResumptionFiling f) {
        return new FilingView(f.id, f.enterpriseId, f.plannedDate, f.workforce, f.measures(), f.regionRiskLevel,
                f.priorityTier, f.status, f.rule, f.reviewRiskLevel, f.reviewNote, f.reviewedAt, f.filedAt, f.version);
    }
}
