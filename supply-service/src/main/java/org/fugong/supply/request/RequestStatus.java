package org.fugong.supply.request;

public enum RequestStatus {
    OPEN, PARTIALLY_ALLOCATED, ALLOCATED, FULFILLED, CANCELLED;

    public boolean isOpen() {
        return this == OPEN || this == PARTIALLY_ALLOCATED;
    }
}
