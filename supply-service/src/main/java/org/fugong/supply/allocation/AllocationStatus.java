package org.fugong.supply.allocation;

public enum AllocationStatus {
    PROPOSED, CONFIRMED, DECLINED, IN_TRANSIT, DELIVERED, CANCELLED;

    /** Whether the quantity is still held against the offer and the request. */
    public boolean holdsQuantity() {
        return this == PROPOSED || this == CONFIRMED || this == IN_TRANSIT || this == DELIVERED;
    }
}
