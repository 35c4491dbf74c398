package org.fugong.supply.offer;

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

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A supplier's stock or output of one item, drawn on by allocations. */
@Entity
@Table(name = "supply_offer")
public class SupplyOffer extends PanacheEntityBase {
    @Id
    public UUID id;
    public UUID supplierId;
    public String itemCode;
    public long quantity;
    public long allocated;
    public String originRegion;
    public String certificateStandard;
    public String certificateNumber;
    public LocalDate certificateValidUntil;
    public String lot;
    public LocalDate expiryDate;
    @Enumerated(EnumType.STRING)
    public OfferStatus status;
    public Instant createdAt;
    public Instant updatedAt;
    @Version
    public long version;

    /** What may still expire: offers withdrawn or already expired keep their status. */
    public static final List<OfferStatus> EXPIRABLE = List.of(OfferStatus.OPEN, OfferStatus.EXHAUSTED);

    /**
     * Past its expiry date the stock may no longer be allocated; quantity later given back by its
     * allocations stays with the EXPIRED offer instead of reopening it.
     *
     * @return whether it expired now
     */
    public boolean expire(LocalDate today) {
        if (expiryDate == null || !expiryDate.isBefore(today) || !EXPIRABLE.contains(status)) {
            return false;
        }
        status = OfferStatus.EXPIRED;
        updatedAt = Instant.now();
        return true;
    }

    public long free() {
        return quantity - allocated;
    }

    /** The item of an offer, read without loading it: it is loaded once the item is locked. */
    static String itemCodeOf(UUID id) {
        return find("select itemCode from SupplyOffer where id = ?1", id).project(String.class).firstResult();
    }

    /** An allocation takes some of the free quantity: EXHAUSTED once none is left. */
    public void allocate(long taken) {
        allocated += taken;
        refreshStatus();
        updatedAt = Instant.now();
    }

    /** An allocation ended before shipping gives its quantity back: free again, OPEN again if it was EXHAUSTED. */
    public void release(long returned) {
        allocated -= returned;
        refreshStatus();
        updatedAt = Instant.now();
    }

    /**
     * The supplier declined an allocation: it does not have that quantity after all, so it is no
     * longer offered either; WITHDRAWN once nothing is left.
     */
    public void takeOffDeclined(long declined) {
        quantity -= declined;
        allocated -= declined;
        if (quantity == 0) {
            status = OfferStatus.WITHDRAWN;
        }
        updatedAt = Instant.now();
    }

    /**
     * What is not yet allocated is no longer offered; allocations already made stand.
     *
     * @return false when it was withdrawn already
     */
    public boolean withdraw() {
        if (status == OfferStatus.WITHDRAWN) {
            return false;
        }
        status = OfferStatus.WITHDRAWN;
        updatedAt = Instant.now();
        return true;
    }

    /** Moves between OPEN and EXHAUSTED as allocations take and return quantity. */
    private void refreshStatus() {
        if (status == OfferStatus.OPEN && free() == 0) {
            status = OfferStatus.EXHAUSTED;
        } else if (status == OfferStatus.EXHAUSTED && free() > 0) {
            status = OfferStatus.OPEN;
        }
    }
}
