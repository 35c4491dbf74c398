package org.fugong.registry.filing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.fugong.platform.ids.UuidV7;
import org.fugong.platform.problem.ProblemException;
import org.fugong.registry.enterprise.Enterprise;
import org.fugong.registry.enterprise.PriorityTier;
import org.fugong.registry.region.RiskLevel;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.hibernate.orm.panache.PanacheQuery;

/** An enterprise's plan to resume work, and the decision on it. */
@Entity
@Table(name = "resumption_filing")
public class ResumptionFiling extends PanacheEntityBase {
    @Id
    public UUID id;
    public UUID enterpriseId;
    public LocalDate plannedDate;
    public int workforce;
    public boolean ventilation;
    public boolean disinfection;
    public boolean temperatureChecks;
    public boolean sanitaryFacilities;
    public boolean healthMonitoring;
    public boolean emergencyPlan;
    /** The county's level when the plan was filed: the decision's input, kept for the record. */
    @Enumerated(EnumType.STRING)
    public RiskLevel regionRiskLevel;
    @Enumerated(EnumType.STRING)
    public PriorityTier priorityTier;
    @Enumerated(EnumType.STRING)
    public FilingStatus status;
    public String rule;
    /** The county's level when the filing was reviewed: what the review was decided against. */
    @Enumerated(EnumType.STRING)
    public RiskLevel reviewRiskLevel;
    public String reviewNote;
    public String reviewedBy;
    public Instant reviewedAt;
    public Instant filedAt;
    @Version
    public long version;

    /**
     * A plan as filed, decided at once by categorised guidance from the county's level and the
     * organisation's tier now: APPROVED, PENDING_REVIEW or REJECTED, with the rule that applied.
     */
    public static ResumptionFiling file(UUID enterpriseId, LocalDate plannedDate, int workforce, PreventionMeasures measures,
            RiskLevel countyRisk, PriorityTier tier, Instant at) {
        FilingDecision decision = FilingDecision.decide(countyRisk, tier, measures.allInPlace());
        ResumptionFiling f = new ResumptionFiling();
        f.id = UuidV7.next();
        f.enterpriseId = enterpriseId;
        f.plannedDate = plannedDate;
        f.workforce = workforce;
        f.ventilation = measures.ventilation();
        f.disinfection = measures.disinfection();
        f.temperatureChecks = measures.temperatureChecks();
        f.sanitaryFacilities = measures.sanitaryFacilities();
        f.healthMonitoring = measures.healthMonitoring();
        f.emergencyPlan = measures.emergencyPlan();
        f.regionRiskLevel = countyRisk;
        f.priorityTier = tier;
        f.status = decision.status();
        f.rule = decision.rule();
        f.filedAt = at;
        return f;
    }

    public boolean isApproved() {
        return status == FilingStatus.APPROVED;
    }

    /**
     * An authority approves a plan that waits for review, judged by the county's level and the
     * organisation's tier now: when categorised guidance would reject it today (the county turned
     * HIGH and the organisation is not essential), 409 naming the rule, and it stays pending for the
     * authority to reject. 409 too when it was already decided or the organisation is not ACTIVE.
     */
    public void approve(Enterprise enterprise, RiskLevel countyRiskNow, String reviewer, String note, Instant at) {
        requirePendingReview();
        enterprise.requireActive();
        FilingDecision.forbidsApproval(countyRiskNow, enterprise.priorityTier).ifPresent(rule -> {
            throw ProblemException.conflict("The county is " + countyRiskNow + " now and " + rule
                    + " applies: this plan can only be rejected");
        });
        decide(FilingStatus.APPROVED, countyRiskNow, reviewer, note, at);
    }

    /** An authority rejects a plan that waits for review; 409 when it was already decided. */
    public void reject(RiskLevel countyRiskNow, String reviewer, String note, Instant at) {
        requirePendingReview();
        decide(FilingStatus.REJECTED, countyRiskNow, reviewer, note, at);
    }

    private void requirePendingReview() {
        if (status != FilingStatus.PENDING_REVIEW) {
            throw ProblemException.conflict("The filing was already decided: " + status);
        }
    }

    private void decide(FilingStatus decision, RiskLevel countyRiskNow, String reviewer, String note, Instant at) {
        status = decision;
        reviewRiskLevel = countyRiskNow;
        reviewNote = note;
        reviewedBy = reviewer;
        reviewedAt = at;
    }

    /** One of the organisation's resumption filings, or 404: another organisation's looks like none. */
    public static ResumptionFiling ofEnterprise(UUID enterpriseId, UUID id) {
        return ResumptionFiling.<ResumptionFiling>find("id = ?1 and enterpriseId = ?2", id, enterpriseId).firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("Resumption filing " + id));
    }

    /** Up to {@code limit + 1} of the organisation's resumption filings after {@code after} (null: from the first), in id order. */
    public static List<ResumptionFiling> page(UUID enterpriseId, UUID after, int limit) {
        PanacheQuery<ResumptionFiling> query = after == null
                ? find("enterpriseId = ?1 order by id", enterpriseId)
                : find("enterpriseId = ?1 and id > ?2 order by id", enterpriseId, after);
        return query.range(0, limit).list();
    }

    public PreventionMeasures measures() {
        return new PreventionMeasures(ventilation, disinfection, temperatureChecks, sanitaryFacilities,
                healthMonitoring, emergencyPlan);
    }
}
