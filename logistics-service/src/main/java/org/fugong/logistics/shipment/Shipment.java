package org.fugong.logistics.shipment;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.fugong.logistics.pass.CargoCategory;
import org.fugong.logistics.pass.GreenPass;
import org.fugong.logistics.pass.VehicleType;
import org.fugong.platform.ids.UuidV7;
import org.fugong.platform.problem.ProblemException;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * The goods of one confirmed allocation on their way from the offer's region to the request's:
 * PLANNED → VEHICLE_ASSIGNED → PICKED_UP → IN_TRANSIT → DELIVERED, or CANCELLED before delivery.
 * Each transition checks its own precondition and throws the 409. The driver is not kept here: it
 * is the green pass's, issued when the vehicle is assigned.
 */
@Entity
@Table(name = "shipment")
public class Shipment extends PanacheEntityBase {
    @Id
    public UUID id;
    public UUID allocationId;
    public String itemCode;
    /** Supply's catalogue category of the item, as the allocation event named it. */
    public String itemCategory;
    @Enumerated(EnumType.STRING)
    public CargoCategory cargoCategory;
    public long quantity;
    public UUID supplierId;
    /** The receiving organisation (the requesting institution); null when an authority requested. */
    public UUID receiverId;
    public String originRegion;
    public String destinationRegion;
    @Enumerated(EnumType.STRING)
    public ShipmentStatus status;
    public UUID passId;
    public String passNumber;
    public String plate;
    @Enumerated(EnumType.STRING)
    public VehicleType vehicleType;
    public Instant pickedUpAt;
    public Long receivedQuantity;
    public String receiverName;
    public Instant deliveredAt;
    public String deliveredBy;
    public Instant cancelledAt;
    public String cancellationReason;
    public Instant createdAt;
    public Instant updatedAt;
    @Version
    public long version;

    /** What logistics plans a shipment from: a confirmed allocation, as supply published it. */
    public record ConfirmedAllocation(UUID allocationId, UUID supplierId, UUID receiverId, String itemCode,
            String itemCategory, long quantity, String originRegion, String destinationRegion) {
    }

    static Shipment planned(ConfirmedAllocation a, CargoCategory cargo, Instant now) {
        Shipment s = new Shipment();
        s.id = UuidV7.next();
        s.allocationId = a.allocationId();
        s.supplierId = a.supplierId();
        s.receiverId = a.receiverId();
        s.itemCode = a.itemCode();
        s.itemCategory = a.itemCategory();
        s.cargoCategory = cargo;
        s.quantity = a.quantity();
        s.originRegion = a.originRegion();
        s.destinationRegion = a.destinationRegion();
        s.status = ShipmentStatus.PLANNED;
        s.createdAt = now;
        s.updatedAt = now;
        return s;
    }

    /** A vehicle is assigned once, while the shipment is PLANNED; 409 otherwise (checked before a pass is issued). */
    public void requirePlanned() {
        if (status != ShipmentStatus.PLANNED) {
            throw ProblemException.conflict("The shipment is " + status + "; a vehicle is assigned once, while it is PLANNED");
        }
    }

    /** The supplier's vehicle, with the green pass issued for it. */
    public void assignVehicle(GreenPass pass, Instant now) {
        requirePlanned();
        passId = pass.id;
        passNumber = pass.number;
        plate = pass.plate;
        vehicleType = pass.vehicleType;
        moveTo(ShipmentStatus.VEHICLE_ASSIGNED, now);
    }

    /**
     * The supplier handed the goods over.
     *
     * @return false when it was picked up already: reporting it again changes nothing
     */
    public boolean pickUp(Instant now) {
        if (status == ShipmentStatus.PICKED_UP || status == ShipmentStatus.IN_TRANSIT) {
            return false;
        }
        if (status != ShipmentStatus.VEHICLE_ASSIGNED) {
            throw ProblemException.conflict("The shipment is " + status + "; only one with a vehicle assigned is picked up");
        }
        pickedUpAt = now;
        moveTo(ShipmentStatus.PICKED_UP, now);
        return true;
    }

    /**
     * Its pass was scanned VALID at a checkpoint: tracked while the vehicle carries the goods or
     * goes to fetch them; the first checkpoint after pick-up makes it IN_TRANSIT.
     *
     * @return whether the checkpoint belongs to this shipment's journey (not once it is delivered or cancelled)
     */
    public boolean passCheckpoint(Instant now) {
        if (status == ShipmentStatus.DELIVERED || status == ShipmentStatus.CANCELLED || status == ShipmentStatus.PLANNED) {
            return false;
        }
        moveTo(status == ShipmentStatus.PICKED_UP ? ShipmentStatus.IN_TRANSIT : status, now);
        return true;
    }

    /**
     * The proof of delivery: what the receiving institution received (never more than shipped) and
     * who signed for it.
     *
     * @return false when the same delivery is reported again
     */
    public boolean deliver(long received, String signedBy, String recordedBy, Instant now) {
        if (status == ShipmentStatus.DELIVERED) {
            if (Objects.equals(receivedQuantity, received) && Objects.equals(receiverName, signedBy)) {
                return false;
            }
            throw ProblemException.conflict("The shipment was delivered already: " + receivedQuantity + " received");
        }
        if (status != ShipmentStatus.PICKED_UP && status != ShipmentStatus.IN_TRANSIT) {
            throw ProblemException.conflict("The shipment is " + status + "; only one that was picked up is delivered");
        }
        if (received > quantity) {
            throw ProblemException.invalid("received_quantity", "is more than the " + quantity + " shipped");
        }
        receivedQuantity = received;
        receiverName = signedBy;
        deliveredBy = recordedBy;
        deliveredAt = now;
        moveTo(ShipmentStatus.DELIVERED, now);
        return true;
    }

    /**
     * Its allocation was cancelled.
     *
     * @return false when it was cancelled already
     * @throws ProblemException 409 once delivered: what arrived stays delivered
     */
    public boolean cancel(String reason, Instant now) {
        if (status == ShipmentStatus.CANCELLED) {
            return false;
        }
        if (status == ShipmentStatus.DELIVERED) {
            throw ProblemException.conflict("The shipment was delivered; a delivered shipment is not cancelled");
        }
        cancellationReason = reason;
        cancelledAt = now;
        moveTo(ShipmentStatus.CANCELLED, now);
        return true;
    }

    private void moveTo(ShipmentStatus next, Instant now) {
        status = next;
        updatedAt = now;
    }
}
