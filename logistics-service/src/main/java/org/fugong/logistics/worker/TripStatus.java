package org.fugong.logistics.worker;

/** A charter trip's life: PLANNED → DISPATCHED → ARRIVED, or CANCELLED before it arrives. */
public enum TripStatus {
    /** Planned; requests are assigned to it. */
    PLANNED,
    /** The manifest is closed and the trip's RETURNING_WORKERS pass applied for: it is on its way. */
    DISPATCHED,
    /** Arrived at the destination with its passengers. */
    ARRIVED,
    /** Called off; its requests wait for another trip and its pass, if any, is revoked. */
    CANCELLED
}
