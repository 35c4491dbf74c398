package org.fugong.logistics.shipment;

/** What a shipment's tracking line records: each transition, and each checkpoint its pass passed. */
public enum TrackingKind {
    PLANNED, VEHICLE_ASSIGNED, PICKED_UP, CHECKPOINT_PASSED, DELIVERED, CANCELLED
}
