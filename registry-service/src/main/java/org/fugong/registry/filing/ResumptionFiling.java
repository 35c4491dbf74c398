package org.fugong.registry.filing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.fugong.registry.enterprise.PriorityTier;
import org.fugong.registry.region.RiskLevel;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

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

    public PreventionMeasures measures() {
        return new PreventionMeasures(ventilation, disinfection, temperatureChecks, sanitaryFacilities,
                healthMonitoring, emergencyPlan);
    }
}
