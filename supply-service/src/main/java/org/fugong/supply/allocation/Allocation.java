package org.fugong.supply.allocation;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.fugong.platform.ids.UuidV7;
import org.fugong.platform.problem.ProblemException;
import org.fugong.supply.catalogue.Category;
import org.fugong.supply.catalogue.SupplyItem;
import org.fugong.supply.offer.SupplyOffer;
import org.fugong.supply.request.SupplyRequest;

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
    /** The item's catalogue category, the offer's origin, the request's delivery region and requester: copied when proposed. */
    @Enumerated(EnumType.STRING)
    public Category itemCategory;
    public String originRegion;
    public String destinationRegion;
    /** The requesting institution; null when an authority asked. */
    public UUID requesterOrgId;
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

    /**
     * A placement of a matching run, waiting for the supplier's answer. Where the goods go from and
     * to, who receives them and the item's category are copied from the offer, the request and the
     * item, which the run holds already: every event of the allocation carries them without a lookup.
     */
    static Allocation proposed(AllocationEngine.Placement p, SupplyOffer offer, SupplyRequest request, SupplyItem item,
            UUID runId, Instant now) {
        Allocation a = new Allocation();
        a.id = UuidV7.next();
        a.requestId = p.requestId();
        a.offerId = p.offerId();
        a.supplierId = offer.supplierId;
        a.itemCode = offer.itemCode;
        a.itemCategory = item.category;
        a.originRegion = offer.originRegion;
        a.destinationRegion = request.deliveryRegion;
        a.requesterOrgId = request.requesterOrgId;
        a.quantity = p.quantity();
        a.status = AllocationStatus.PROPOSED;
        a.requestRank = p.requestRank();
        a.nearness = p.nearness();
        a.capped = p.capped();
        a.rule = p.rule();
        a.runId = runId;
        a.createdAt = now;
        a.updatedAt = now;
        return a;
    }

    /** The item of an allocation, read without loading it: it is loaded once the item is locked. */
    static String itemCodeOf(UUID id) {
        return find("select itemCode from Allocation where id = ?1", id).project(String.class).firstResult();
    }

    /**
     * The supplier will deliver.
     *
     * @return false when it had confirmed already: the same answer twice changes nothing
     */
    public boolean confirm() {
        if (status == AllocationStatus.CONFIRMED) {
            return false;
        }
        requireAnswerable();
        moveTo(AllocationStatus.CONFIRMED);
        return true;
    }

    /**
     * The supplier cannot deliver; the caller gives the quantity back to the request.
     *
     * @return false when it had declined already
     */
    public boolean decline() {
        if (status == AllocationStatus.DECLINED) {
            return false;
        }
        requireAnswerable();
        moveTo(AllocationStatus.DECLINED);
        return true;
    }

    /** Ended before anything shipped; the caller gives the quantity back to the offer and the request. */
    public void cancel() {
        if (status != AllocationStatus.PROPOSED && status != AllocationStatus.CONFIRMED) {
            throw ProblemException.conflict("The allocation is " + status + "; only one that has not shipped is cancelled");
        }
        moveTo(AllocationStatus.CANCELLED);
    }

    /**
     * Logistics picked the goods up. Goods leave only against a confirmed allocation: a proposal the
     * supplier has not accepted never ships.
     *
     * @return false when it was in transit already (the pick-up reported again)
     */
    public boolean ship() {
        if (status == AllocationStatus.IN_TRANSIT) {
            return false;
        }
        if (status != AllocationStatus.CONFIRMED) {
            throw ProblemException.conflict("The allocation is " + status + "; only a CONFIRMED one ships");
        }
        moveTo(AllocationStatus.IN_TRANSIT);
        return true;
    }

    /**
     * The proof of delivery: what was received (never more than allocated) counts as delivered.
     * Confirmed goods may arrive without a pick-up having been reported; unconfirmed ones never.
     *
     * @return false when it was delivered already (the delivery reported again)
     */
    public boolean deliver(long received) {
        if (status == AllocationStatus.DELIVERED) {
            return false;
        }
        if (status != AllocationStatus.CONFIRMED && status != AllocationStatus.IN_TRANSIT) {
            throw ProblemException.conflict("The allocation is " + status + "; only a confirmed one is delivered");
        }
        delivered = Math.max(0, Math.min(received, quantity));
        moveTo(AllocationStatus.DELIVERED);
        return true;
    }

    /** What was lost on the way: allocated, shipped and never received, so still needed by the request. */
    public long shortfall() {
        return delivered == null ? 0 : quantity - delivered;
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
