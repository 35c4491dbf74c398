package org.fugong.logistics.shipment;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.fugong.logistics.checkpoint.CheckpointKind;
import org.fugong.logistics.checkpoint.ValidScan;
import org.fugong.logistics.pass.CargoCategory;
import org.fugong.logistics.pass.VehicleType;
import org.fugong.logistics.privacy.Masking;
import org.fugong.platform.outbox.OutboxWriter;

/**
 * What logistics publishes about shipments on {@code logistics.shipments}: one type per transition
 * and one per checkpoint passed, each carrying the shipment's state after it. Supply consumes
 * {@code picked-up} and {@code delivered} (reading {@code allocation_id} and
 * {@code received_quantity}), whose contract predates this service and stays compatible. Never the
 * driver; the receiver's name only masked.
 */
@ApplicationScoped
public class ShipmentEvents {

    public static final String TOPIC = "logistics.shipments";
    public static final String AGGREGATE = "shipment";
    /** Planned from a confirmed allocation. */
    public static final String PLANNED = "fugong.logistics.shipment.planned";
    /** The supplier assigned vehicle and driver; the green pass was issued. */
    public static final String VEHICLE_ASSIGNED = "fugong.logistics.shipment.vehicle-assigned";
    /** The goods were picked up: supply moves the allocation IN_TRANSIT. */
    public static final String PICKED_UP = "fugong.logistics.shipment.picked-up";
    /** The pass was scanned VALID at a checkpoint. */
    public static final String CHECKPOINT_PASSED = "fugong.logistics.shipment.checkpoint-passed";
    /** The proof of delivery: supply counts received_quantity as delivered. */
    public static final String DELIVERED = "fugong.logistics.shipment.delivered";
    /** Cancelled with its allocation. */
    public static final String CANCELLED = "fugong.logistics.shipment.cancelled";

    public record State(UUID id, UUID allocationId, String itemCode, String itemCategory, CargoCategory cargoCategory,
            UUID supplierId, UUID receiverId, ShipmentStatus status, long quantity, String originRegion,
            String destinationRegion, String greenPassNumber, UUID greenPassId, String plate, VehicleType vehicleType,
            Instant pickedUpAt, Instant deliveredAt, Instant cancelledAt, String cancellationReason,
            Long receivedQuantity, String receiver, long version, Instant updatedAt) {
        static State of(Shipment s) {
            return new State(s.id, s.allocationId, s.itemCode, s.itemCategory, s.cargoCategory, s.supplierId,
                    s.receiverId, s.status, s.quantity, s.originRegion, s.destinationRegion, s.passNumber, s.passId,
                    s.plate, s.vehicleType, s.pickedUpAt, s.deliveredAt, s.cancelledAt, s.cancellationReason,
                    s.receivedQuantity, s.receiverName == null ? null : Masking.name(s.receiverName), s.version,
                    s.updatedAt);
        }
    }

    public record Payload(State shipment) {
    }

    public record PassedCheckpoint(UUID id, String name, String countyCode, CheckpointKind kind, UUID scanId,
            Instant passedAt) {
    }

    public record CheckpointPayload(State shipment, PassedCheckpoint checkpoint) {
    }

    @Inject
    OutboxWriter outbox;

    public void planned(Shipment s) {
        publish(s, PLANNED, new Payload(State.of(s)));
    }

    public void vehicleAssigned(Shipment s) {
        publish(s, VEHICLE_ASSIGNED, new Payload(State.of(s)));
    }

    public void pickedUp(Shipment s) {
        publish(s, PICKED_UP, new Payload(State.of(s)));
    }

    public void checkpointPassed(Shipment s, ValidScan scan) {
        publish(s, CHECKPOINT_PASSED, new CheckpointPayload(State.of(s), new PassedCheckpoint(scan.checkpointId(),
                scan.checkpointName(), scan.countyCode(), scan.kind(), scan.scanId(), scan.scannedAt())));
    }

    public void delivered(Shipment s) {
        publish(s, DELIVERED, new Payload(State.of(s)));
    }

    public void cancelled(Shipment s) {
        publish(s, CANCELLED, new Payload(State.of(s)));
    }

    private void publish(Shipment s, String type, Object payload) {
        outbox.append(TOPIC, AGGREGATE, s.id.toString(), type, payload);
    }
}
