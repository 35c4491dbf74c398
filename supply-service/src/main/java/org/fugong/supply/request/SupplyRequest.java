package org.fugong.supply.request;

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
import org.fugong.supply.allocation.Urgency;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** What a hospital or an authority needs delivered. */
@Entity
@Table(name = "supply_request")
public class SupplyRequest extends PanacheEntityBase {
    @Id
    public UUID id;
    public UUID requesterOrgId;
    public String requestedBy;
    public String itemCode;
    public long quantity;
    public long allocated;
    public long delivered;
    @Enumerated(EnumType.STRING)
    public Urgency urgency;
    public Integer daysOfSupplyLeft;
    public String deliveryRegion;
    public LocalDate neededBy;
    @Enumerated(EnumType.STRING)
    public RequestStatus status;
    public Instant createdAt;
    public Instant updatedAt;
    @Version
    public long version;

    public long remaining() {
        return quantity - allocated;
    }

    /** The item of a request, read without loading it: it is loaded once the item is locked. */
    static String itemCodeOf(UUID id) {
        return find("select itemCode from SupplyRequest where id = ?1", id).project(String.class).firstResult();
    }

    /** An allocation gives it some of what it needs. */
    public void allocate(long given) {
        allocated += given;
        refreshStatus();
        updatedAt = Instant.now();
    }

    /** An allocation that no longer holds its quantity (declined, cancelled): that much is needed again. */
    public void release(long returned) {
        allocated -= returned;
        refreshStatus();
        updatedAt = Instant.now();
    }

    /**
     * Goods arrived: what was received counts as delivered, and a shortfall lost on the way is no
     * longer held by any allocation, so it is open demand again. FULFILLED once all of it arrived.
     */
    public void received(long quantityReceived, long shortfall) {
        delivered += quantityReceived;
        allocated -= shortfall;
        if (delivered >= quantity) {
            status = RequestStatus.FULFILLED;
        } else {
            refreshStatus();
        }
        updatedAt = Instant.now();
    }

    /**
     * Whether a cancellation has anything to do. Asked before the open allocations give their
     * quantity back, so that their events still show the request as it was.
     *
     * @param anythingShipped whether any of its allocations has left a supplier
     * @return false when it is cancelled already: asking again changes nothing
     * @throws ProblemException 409 once supply is on its way or delivered
     */
    public boolean canBeCancelled(boolean anythingShipped) {
        if (status == RequestStatus.CANCELLED) {
            return false;
        }
        if (status == RequestStatus.FULFILLED || anythingShipped) {
            throw ProblemException.conflict("Supply is already on its way or delivered; it can no longer be cancelled");
        }
        return true;
    }

    /** CANCELLED; its open allocations have given their quantity back first. */
    public void cancel(boolean anythingShipped) {
        if (!canBeCancelled(anythingShipped)) {
            throw ProblemException.conflict("The request is cancelled already");
        }
        status = RequestStatus.CANCELLED;
        updatedAt = Instant.now();
    }

    /** Follows the allocated quantity while the request is open. */
    private void refreshStatus() {
        if (status == RequestStatus.CANCELLED || status == RequestStatus.FULFILLED) {
            return;
        }
        status = allocated == 0 ? RequestStatus.OPEN
                : allocated < quantity ? RequestStatus.PARTIALLY_ALLOCATED : RequestStatus.ALLOCATED;
    }
}
