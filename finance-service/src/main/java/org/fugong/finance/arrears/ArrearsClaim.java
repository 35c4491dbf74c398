package org.fugong.finance.arrears;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
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

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * Overdue payment an SME claims from a government body or a large enterprise. Its life cycle:
 * CLAIMED → ACKNOWLEDGED (or DISPUTED, then ACKNOWLEDGED once settled between the parties) →
 * IN_SETTLEMENT with a plan of dated instalments → SETTLED when the debtor's payments have covered
 * every instalment. Each step is a method here that refuses, with a 409, what its state does not allow.
 */
@Entity
@Table(name = "arrears_claim")
public class ArrearsClaim extends PanacheEntityBase {

    /** A plan longer than five years of monthly instalments is not a settlement. */
    public static final int MAX_INSTALMENTS = 60;

    @Id
    public UUID id;
    public UUID creditorOrgId;
    public UUID debtorOrgId;
    public String debtorUscc;
    public String debtorRegionCode;
    public String contractReference;
    public BigDecimal amount;
    public BigDecimal outstanding;
    public LocalDate dueDate;
    @Enumerated(EnumType.STRING)
    public ArrearsStatus status;
    public String disputeReason;
    public String claimedBy;
    public String respondedBy;
    public Instant respondedAt;
    public String planAgreedBy;
    public Instant planAgreedAt;
    public Instant settledAt;
    public Instant createdAt;
    public Instant updatedAt;
    @Version
    public long version;

    public BigDecimal paid() {
        return amount.subtract(outstanding);
    }

    /** Days since the due date, as of today (never less than 0). */
    public long daysOverdue(LocalDate today) {
        return Math.max(0, ChronoUnit.DAYS.between(dueDate, today));
    }

    /** The debtor acknowledges the debt: from CLAIMED, or after a dispute it has settled with the creditor. */
    public void acknowledge(String by, Instant at) {
        if (status != ArrearsStatus.CLAIMED && status != ArrearsStatus.DISPUTED) {
            throw ProblemException.conflict("The claim is " + status + "; only a claimed or disputed one can be acknowledged");
        }
        status = ArrearsStatus.ACKNOWLEDGED;
        disputeReason = null;
        responded(by, at);
    }

    /** The debtor contests the claim; only while it has not answered yet. */
    public void dispute(String reason, String by, Instant at) {
        if (status != ArrearsStatus.CLAIMED) {
            throw ProblemException.conflict("The claim is " + status + "; only one awaiting an answer can be disputed");
        }
        status = ArrearsStatus.DISPUTED;
        disputeReason = reason;
        responded(by, at);
    }

    /** A planned instalment before it is stored. */
    public record Planned(LocalDate dueDate, BigDecimal amount) {
    }

    /**
     * The debtor's plan: instalments in date order, none before today, summing exactly to what is
     * outstanding (no rounding: the creditor is owed every cent). Once, after acknowledging.
     *
     * @return the instalments to store, numbered from 1
     */
    public List<ArrearsInstalment> agreePlan(List<Planned> plan, LocalDate today, String by, Instant at) {
        if (status != ArrearsStatus.ACKNOWLEDGED) {
            throw ProblemException.conflict(status == ArrearsStatus.IN_SETTLEMENT || status == ArrearsStatus.SETTLED
                    ? "A settlement plan is already agreed for this claim"
                    : "The claim is " + status + "; the debtor acknowledges it before agreeing a plan");
        }
        if (plan.isEmpty() || plan.size() > MAX_INSTALMENTS) {
            throw ProblemException.invalid("instalments", "must be 1 to " + MAX_INSTALMENTS + " instalments");
        }
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < plan.size(); i++) {
            Planned p = plan.get(i);
            if (p.dueDate().isBefore(today)) {
                throw ProblemException.invalid("instalments[" + i + "].due_date", "is in the past");
            }
            if (i > 0 && !p.dueDate().isAfter(plan.get(i - 1).dueDate())) {
                throw ProblemException.invalid("instalments[" + i + "].due_date", "is not after the previous instalment's");
            }
            total = total.add(p.amount());
        }
        if (total.compareTo(outstanding) != 0) {
            throw ProblemException.invalid("instalments", "sum to " + total.setScale(2).toPlainString() + " but "
                    + outstanding.setScale(2).toPlainString() + " is outstanding");
        }
        status = ArrearsStatus.IN_SETTLEMENT;
        planAgreedBy = by;
        planAgreedAt = at;
        updatedAt = at;
        List<ArrearsInstalment> instalments = new java.util.ArrayList<>();
        for (int i = 0; i < plan.size(); i++) {
            ArrearsInstalment instalment = new ArrearsInstalment();
            instalment.id = UuidV7.next();
            instalment.claimId = id;
            instalment.number = i + 1;
            instalment.dueDate = plan.get(i).dueDate();
            instalment.amount = plan.get(i).amount().setScale(2);
            instalment.paid = BigDecimal.ZERO.setScale(2);
            instalments.add(instalment);
        }
        return instalments;
    }

    /**
     * A payment against the plan, applied to the instalments in their order (the earliest unpaid
     * first). Never more than is outstanding; the last cent settles the claim.
     *
     * @return whether this payment settled it
     */
    public boolean recordPayment(BigDecimal payment, List<ArrearsInstalment> plan, Instant at) {
        if (status != ArrearsStatus.IN_SETTLEMENT) {
            throw ProblemException.conflict(status == ArrearsStatus.SETTLED ? "The claim is already settled"
                    : "The claim is " + status + "; payments are recorded against an agreed settlement plan");
        }
        if (payment.compareTo(outstanding) > 0) {
            throw ProblemException.conflict("amount", "is more than the " + outstanding.setScale(2).toPlainString()
                    + " outstanding");
        }
        BigDecimal left = payment;
        for (ArrearsInstalment instalment : plan) {
            BigDecimal applied = left.min(instalment.unpaid());
            instalment.paid = instalment.paid.add(applied);
            left = left.subtract(applied);
        }
        outstanding = outstanding.subtract(payment);
        updatedAt = at;
        if (outstanding.signum() == 0) {
            status = ArrearsStatus.SETTLED;
            settledAt = at;
            return true;
        }
        return false;
    }

    private void responded(String by, Instant at) {
        respondedBy = by;
        respondedAt = at;
        updatedAt = at;
    }
}
