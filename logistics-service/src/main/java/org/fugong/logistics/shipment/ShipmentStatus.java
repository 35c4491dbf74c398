package org.fugong.logistics.shipment;

/** A shipment's life: PLANNED → VEHICLE_ASSIGNED → PICKED_UP → IN_TRANSIT → DELIVERED, or CANCELLED before delivery. */
public enum ShipmentStatus {
    /** From a confirmed allocation, waiting for the supplier's vehicle. */
    PLANNED,
    /** The supplier named vehicle and driver; the shipment's green pass was issued. */
    VEHICLE_ASSIGNED,
    /** The supplier handed the goods to the vehicle. */
    PICKED_UP,
    /** Its pass passed a checkpoint after pick-up. */
    IN_TRANSIT,
    /** The receiving institution signed for what arrived (the proof of delivery). */
    DELIVERED,
    /** Its allocation was cancelled before delivery. */
    CANCELLED
}
