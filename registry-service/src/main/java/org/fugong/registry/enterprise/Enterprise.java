package org.fugong.registry.enterprise;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.fugong.platform.problem.ProblemException;
import org.fugong.registry.report.ResumptionProgress;

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

    /**
     * Details to change, as a caller sent them: null keeps the current value. The contact is given
     * as both its name and phone, or neither.
     */
    public record Details(String name, Ownership ownership, String regionCode, Industry industry, Integer employees,
            BigDecimal annualRevenue, String contactName, String contactPhone) {
    }

    /**
     * Approves moving the organisation to another county (or throws the 4xx that refuses it): the
     * county's existence and the caller's scope are not the organisation's to know.
     */
    @FunctionalInterface
    public interface CountyMove {
        void approve(String regionCode);
    }

    public boolean isActive() {
        return status == EnterpriseStatus.ACTIVE;
    }

    /** 409 unless the organisation is ACTIVE: a suspended or deregistered one files and reports nothing. */
    public void requireActive() {
        if (!isActive()) {
            throw ProblemException.conflict("The organisation is " + status + " and cannot do this");
        }
    }

    /** 409 once deregistered: the record is closed to every change. */
    private void requireOpen() {
        if (status == EnterpriseStatus.DEREGISTERED) {
            throw ProblemException.conflict("The organisation is deregistered; its record is closed");
        }
    }

    /**
     * Which of industry, employees and annual revenue the details would change: they decide the tier
     * and size, so the service checks who may change each before anything is applied.
     */
    public Set<EnterpriseDetail> reclassifiedBy(Details next) {
        Set<EnterpriseDetail> changed = EnumSet.noneOf(EnterpriseDetail.class);
        if (next.industry() != null && next.industry() != industry) {
            changed.add(EnterpriseDetail.INDUSTRY);
        }
        if (next.employees() != null && next.employees() != employees) {
            changed.add(EnterpriseDetail.EMPLOYEES);
        }
        if (next.annualRevenue() != null && next.annualRevenue().compareTo(annualRevenue) != 0) {
            changed.add(EnterpriseDetail.ANNUAL_REVENUE);
        }
        return changed;
    }

    /**
     * Applies the details that differ from the current ones and names what changed (derived size
     * class and tier included); nothing at all when none differs. A move to another county is
     * approved by {@code move} before anything changes. 409 once deregistered.
     */
    public Set<EnterpriseDetail> applyChanges(Details next, CountyMove move, Instant at) {
        requireOpen();
        boolean moves = next.regionCode() != null && !next.regionCode().equals(regionCode);
        if (moves) {
            move.approve(next.regionCode());
        }
        Set<EnterpriseDetail> changed = EnumSet.noneOf(EnterpriseDetail.class);
        if (next.name() != null && !next.name().strip().equals(name)) {
            name = next.name().strip();
            changed.add(EnterpriseDetail.NAME);
        }
        if (next.ownership() != null && next.ownership() != ownership) {
            ownership = next.ownership();
            changed.add(EnterpriseDetail.OWNERSHIP);
        }
        if (moves) {
            regionCode = next.regionCode();
            changed.add(EnterpriseDetail.REGION_CODE);
        }
        Set<EnterpriseDetail> reclassified = reclassifiedBy(next);
        if (!reclassified.isEmpty()) {
            changed.addAll(reclassified);
            SizeClass size = sizeClass;
            PriorityTier tier = priorityTier;
            classify(next.industry() != null ? next.industry() : industry,
                    next.employees() != null ? next.employees() : employees,
                    next.annualRevenue() != null ? next.annualRevenue() : annualRevenue);
            if (size != sizeClass) {
                changed.add(EnterpriseDetail.SIZE_CLASS);
            }
            if (tier != priorityTier) {
                changed.add(EnterpriseDetail.PRIORITY_TIER);
            }
        }
        // Compared as sent, stored stripped: as the contact has always been kept.
        if (next.contactName() != null && (!Objects.equals(next.contactName(), contactName)
                || !Objects.equals(next.contactPhone(), contactPhone))) {
            contactName = next.contactName().strip();
            contactPhone = next.contactPhone().strip();
            changed.add(EnterpriseDetail.CONTACT);
        }
        if (!changed.isEmpty()) {
            updatedAt = at;
        }
        return changed;
    }

    /** Puts the organisation on or takes it off the white list; nothing when it already is. 409 once deregistered. */
    public Set<EnterpriseDetail> markKeyEnterprise(boolean key, Instant at) {
        requireOpen();
        if (keyEnterprise == key) {
            return EnumSet.noneOf(EnterpriseDetail.class);
        }
        keyEnterprise = key;
        updatedAt = at;
        return EnumSet.of(EnterpriseDetail.KEY_ENTERPRISE);
    }

    /**
     * Suspends, reinstates or deregisters; empty when the organisation already has that status.
     * Suspension needs a reason (400 naming it); leaving ACTIVE halts work under way; reinstatement
     * clears the reason but leaves a halted organisation halted until a new plan is approved. 409
     * once deregistered.
     */
    public Optional<StatusTransition> changeStatus(EnterpriseStatus next, String reason, Instant at) {
        requireOpen();
        if (next == status) {
            return Optional.empty();
        }
        if (next == EnterpriseStatus.SUSPENDED && (reason == null || reason.isBlank())) {
            throw ProblemException.invalid("reason", "is required to suspend an organisation");
        }
        EnterpriseStatus previous = status;
        status = next;
        statusReason = next == EnterpriseStatus.ACTIVE || reason == null || reason.isBlank() ? null : reason.strip();
        updatedAt = at;
        Optional<ResumptionTransition> halted = Optional.empty();
        if (next != EnterpriseStatus.ACTIVE
                && (resumptionStatus == ResumptionStatus.RESUMING || resumptionStatus == ResumptionStatus.RESUMED)) {
            halted = Optional.of(moveResumption(ResumptionStatus.HALTED, ResumptionCause.haltedBy(next)));
        }
        return Optional.of(new StatusTransition(previous, halted));
    }

    /**
     * An approved plan starts work: a NOT_RESUMED or HALTED organisation moves to RESUMING; one at work
     * stays as it is (empty). 409 unless ACTIVE.
     */
    public Optional<ResumptionTransition> startResumption(Instant at) {
        requireActive();
        if (resumptionStatus != ResumptionStatus.NOT_RESUMED && resumptionStatus != ResumptionStatus.HALTED) {
            return Optional.empty();
        }
        updatedAt = at;
        return Optional.of(moveResumption(ResumptionStatus.RESUMING, ResumptionCause.FILING_APPROVED));
    }

    /**
     * Takes a resumption report's figures. The newest report (by date) sets the latest figures and
     * moves the resumption status as {@link ResumptionProgress} says; a late one for an earlier day
     * changes neither. Empty unless the status moved. 409 unless ACTIVE with an approved plan in force.
     */
    public Optional<ResumptionTransition> takeReport(LocalDate reportDate, int employeesTotal, int employeesReturned,
            BigDecimal capacityUtilisation, BigDecimal resumedThreshold, Instant at) {
        requireActive();
        requireApprovedPlanInForce();
        if (latestReportDate != null && reportDate.isBefore(latestReportDate)) {
            return Optional.empty();
        }
        latestReportDate = reportDate;
        latestEmployeesTotal = employeesTotal;
        latestEmployeesReturned = employeesReturned;
        latestCapacityUtilisation = capacityUtilisation;
        ResumptionStatus next = ResumptionProgress.after(resumptionStatus, capacityUtilisation, resumedThreshold);
        if (next == resumptionStatus) {
            return Optional.empty();
        }
        // Only a move of the status stamps the record, as before: the latest figures are not its details.
        updatedAt = at;
        return Optional.of(moveResumption(next, ResumptionCause.RESUMPTION_REPORT));
    }

    private ResumptionTransition moveResumption(ResumptionStatus next, ResumptionCause cause) {
        ResumptionTransition moved = new ResumptionTransition(resumptionStatus, cause);
        resumptionStatus = next;
        return moved;
    }

    /**
     * Resumption reports are figures of work under an approved plan: the organisation is RESUMING or
     * RESUMED. A plan approved before it HALTED (by suspension or by reporting no production) does not
     * cover a restart: that needs a new approved filing, which moves it back to RESUMING. 409 otherwise.
     */
    private void requireApprovedPlanInForce() {
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
