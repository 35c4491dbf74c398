package org.fugong.supply.allocation;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.fugong.platform.problem.ProblemException;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A quantity of one offer given to one request, and why. */
@Entity
@Table(name = "allocation")
public class Allocation extends PanacheEntityBase {
    @Id
    public UUID id;
    public UUID requestId;
    public UUID offerId;
    public UUID supplierId;
    public String itemCode;
    public long quantity;
    public Long delivered;
    @Enumerated(EnumType.STRING)
    public AllocationStatus status;
    public int requestRank;
    @Enumerated(EnumType.STRING)
    public Nearness nearness;
    public boolean capped;
    public String rule;
    public UUID runId;
    public Instant createdAt;
    public Instant updatedAt;
    @Version
    public long version;

    /** The supplier will deliver. */
    public void confirm() {
        requireAnswerable();
        moveTo(AllocationStatus.CONFIRMED);
    }

    /** The supplier cannot deliver; the caller gives the quantity back to the request. */
    public void decline() {
        requireAnswerable();
        moveTo(AllocationStatus.DECLINED);
    }

    /** Ended before anything shipped; the caller gives the quantity back to the offer and the request. */
    public void cancel() {
        if (status != AllocationStatus.PROPOSED && status != AllocationStatus.CONFIRMED) {
            throw ProblemException.conflict("The allocation is " + status + "; only one that has not shipped is cancelled");
        }
        moveTo(AllocationStatus.CANCELLED);
    }

    /** Goods leave only against a confirmed allocation: a proposal the supplier has not accepted never ships. */
    public boolean canShip() {
        return status == AllocationStatus.CONFIRMED;
    }

    public void ship() {
        if (!canShip()) {
            throw ProblemException.conflict("The allocation is " + status + "; only a CONFIRMED one ships");
        }
        moveTo(AllocationStatus.IN_TRANSIT);
    }

    /** Confirmed goods may arrive without a pick-up having been reported; unconfirmed ones never. */
    public boolean canBeDelivered() {
        return status == AllocationStatus.CONFIRMED || status == AllocationStatus.IN_TRANSIT;
    }

    /**
     * The proof of delivery: what was received (never more than allocated) counts as delivered.
     *
     * @return the shortfall, lost on the way: still needed by the request
     */
    public long deliver(long received) {
        if (!canBeDelivered()) {
            throw ProblemException.conflict("The allocation is " + status + "; only a confirmed one is delivered");
        }
        delivered = Math.max(0, Math.min(received, quantity));
        moveTo(AllocationStatus.DELIVERED);
        return quantity - delivered;
    }

    private void requireAnswerable() {
        if (status != AllocationStatus.PROPOSED) {
            throw ProblemException.conflict("The allocation is " + status + "; only a PROPOSED one can be answered");
        }
    }

    private void moveTo(AllocationStatus next) {
        status = next;
        updatedAt = Instant.now();
    }
}
