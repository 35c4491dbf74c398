package org.fugong.finance.application;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.fugong.finance.schedule.RepaymentMethod;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One lender's part of an application: its state and its answer. Changed only through
 * {@link FinancingApplication}'s transitions, which keep the application's status in step.
 */
@Entity
@Table(name = "application_lender")
public class LenderReview extends PanacheEntityBase {

    public enum Recommendation {
        OFFER, REFUSE
    }

    @Id
    public UUID id;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "application_id")
    public FinancingApplication application;
    public UUID lenderOrgId;
    @Enumerated(EnumType.STRING)
    public LenderStatus status;
    public String reviewStartedBy;
    public Instant reviewStartedAt;
    @Enumerated(EnumType.STRING)
    public Recommendation recommendation;
    public BigDecimal offerAmount;
    public BigDecimal offerRate;
    public Integer offerTermMonths;
    @Enumerated(EnumType.STRING)
    public RepaymentMethod offerMethod;
    public String refusalReason;
    public String recommendedBy;
    public Instant recommendedAt;
    public String approvedBy;
    public Instant approvedAt;
    public LocalDate offerValidUntil;
    public String returnedReason;
    public Instant updatedAt;

    /** Whether the lender's checker approved an offer (whatever happened to it since). */
    public boolean hasApprovedOffer() {
        return approvedAt != null && recommendation == Recommendation.OFFER;
    }

    public Offer offer() {
        return new Offer(offerAmount, offerRate, offerTermMonths, offerMethod);
    }
}
