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

    /** Follows the allocated quantity while the request is open. */
    public void refreshStatus() {
        if (status == RequestStatus.CANCELLED || status == RequestStatus.FULFILLED) {
            return;
        }
        status = allocated == 0 ? RequestStatus.OPEN
                : allocated < quantity ? RequestStatus.PARTIALLY_ALLOCATED : RequestStatus.ALLOCATED;
    }
}
