package org.fugong.registry.enterprise;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.fugong.platform.problem.ProblemException;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An organisation of any kind, identified by its USCC and located in a county. */
@Entity
@Table(name = "enterprise")
public class Enterprise extends PanacheEntityBase {

    @Id
    public UUID id;
    @Enumerated(EnumType.STRING)
    public OrganisationKind kind;
    public String name;
    public String uscc;
    public String regionCode;
    @Enumerated(EnumType.STRING)
    public Industry industry;
    @Enumerated(EnumType.STRING)
    public Ownership ownership;
    public int employees;
    public BigDecimal annualRevenue;
    @Enumerated(EnumType.STRING)
    public SizeClass sizeClass;
    @Enumerated(EnumType.STRING)
    public PriorityTier priorityTier;
    public boolean keyEnterprise;
    @Enumerated(EnumType.STRING)
    public EnterpriseStatus status;
    public String statusReason;
    @Enumerated(EnumType.STRING)
    public ResumptionStatus resumptionStatus;
    public String contactName;
    public String contactPhone;
    public LocalDate latestReportDate;
    public Integer latestEmployeesTotal;
    public Integer latestEmployeesReturned;
    public BigDecimal latestCapacityUtilisation;
    public Instant createdAt;
    public Instant updatedAt;
    @Version
    public long version;

    /** Sets the figures that size and tier derive from, and derives them. */
    public void classify(Industry industry, int employees, BigDecimal annualRevenue) {
        this.industry = industry;
        this.employees = employees;
        this.annualRevenue = annualRevenue;
        this.sizeClass = SizeClass.of(employees, annualRevenue);
        this.priorityTier = industry.tier();
    }

    public boolean isActive() {
        return status == EnterpriseStatus.ACTIVE;
    }

    /**
     * Resumption reports are figures of work under an approved plan: the organisation is RESUMING or
     * RESUMED. A plan approved before it HALTED (by suspension or by reporting no production) does not
     * cover a restart: that needs a new approved filing, which moves it back to RESUMING. 409 otherwise.
     */
    public void requireApprovedPlanInForce() {
        switch (resumptionStatus) {
            case RESUMING, RESUMED -> {
            }
            case HALTED -> throw ProblemException.conflict(
                    "Work was halted: file a new resumption plan and have it approved before reporting");
            case NOT_RESUMED -> throw ProblemException.conflict(
                    "File a resumption plan and have it approved before reporting");
        }
    }
}
