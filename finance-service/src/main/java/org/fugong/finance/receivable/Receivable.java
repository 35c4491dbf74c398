package org.fugong.finance.receivable;

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

/**
 * An invoice an SME is owed: recorded by the creditor, confirmed or disputed by the debtor. A
 * confirmation is what lenders rely on, so it is final; a dispute is not, the debtor may confirm once
 * the disagreement is settled.
 */
@Entity
@Table(name = "receivable")
public class Receivable extends PanacheEntityBase {
    @Id
    public UUID id;
    public UUID creditorOrgId;
    public UUID debtorOrgId;
    public String debtorUscc;
    public String invoiceNumber;
    public BigDecimal amount;
    public LocalDate issueDate;
    public LocalDate dueDate;
    @Enumerated(EnumType.STRING)
    public ReceivableStatus status;
    public String disputeReason;
    public String recordedBy;
    public String decidedBy;
    public Instant decidedAt;
    public Instant createdAt;
    public Instant updatedAt;
    @Version
    public long version;

    /** The debtor acknowledges the debt, from awaiting or after a dispute; 409 once confirmed. */
    public void confirm(String by, Instant at) {
        if (status == ReceivableStatus.CONFIRMED) {
            throw ProblemException.conflict("The receivable is already confirmed");
        }
        status = ReceivableStatus.CONFIRMED;
        disputeReason = null;
        decided(by, at);
    }

    /** The debtor contests the debt; 409 unless it is still awaiting an answer. */
    public void dispute(String reason, String by, Instant at) {
        if (status != ReceivableStatus.AWAITING_CONFIRMATION) {
            throw ProblemException.conflict("The receivable is " + status + "; only one awaiting confirmation can be disputed");
        }
        status = ReceivableStatus.DISPUTED;
        disputeReason = reason;
        decided(by, at);
    }

    /** Whether it may back a financing application (whether it already backs one is the pledge registry's). */
    public boolean canBackFinancing() {
        return status == ReceivableStatus.CONFIRMED;
    }

    private void decided(String by, Instant at) {
        decidedBy = by;
        decidedAt = at;
        updatedAt = at;
    }
}
