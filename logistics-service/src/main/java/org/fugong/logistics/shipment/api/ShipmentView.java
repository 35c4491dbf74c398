package org.fugong.logistics.shipment.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fugong.logistics.pass.CargoCategory;
import org.fugong.logistics.pass.GreenPass;
import org.fugong.logistics.pass.PassStatus;
import org.fugong.logistics.pass.VehicleType;
import org.fugong.logistics.pass.api.PassView;
import org.fugong.logistics.shipment.Shipment;
import org.fugong.logistics.shipment.ShipmentStatus;
import org.fugong.logistics.shipment.ShipmentTracking;
import org.fugong.logistics.shipment.TrackingKind;

/**
 * A shipment as the API shows it. The driver is the green pass's, shown in full to the supplier and
 * administrators only. {@code tracking} is shown on a single shipment, not in lists.
 */
@Schema(name = "Shipment")
public record ShipmentView(UUID id, UUID allocationId, ShipmentStatus status, String itemCode,
        @Schema(description = "Supply's catalogue category of the item") String itemCategory,
        @Schema(description = "The green-channel cargo category, from the item's category") CargoCategory cargoCategory,
        long quantity, UUID supplierId,
        @Schema(description = "The receiving organisation; absent when an authority requested") UUID receiverId,
        String originRegion, String destinationRegion, UUID greenPassId, String greenPassNumber, Vehicle vehicle,
        Long receivedQuantity, String receiverName, Instant pickedUpAt, Instant deliveredAt, Instant cancelledAt,
        String cancellationReason, @JsonInclude(JsonInclude.Include.NON_NULL) List<Tracking> tracking,
        Instant createdAt, Instant updatedAt, long version) {

    @Schema(name = "ShipmentVehicle")
    public record Vehicle(String plate, VehicleType vehicleType, PassView.DriverView driver,
            @Schema(description = "The status of the shipment's green pass now") PassStatus greenPassStatus,
            LocalDate validFrom, LocalDate validUntil) {
    }

    @Schema(name = "ShipmentTracking")
    public record Tracking(TrackingKind kind, Instant at, UUID checkpointId, String countyCode) {
    }

    /**
     * @param pass     the shipment's green pass, or null before a vehicle is assigned
     * @param tracking its tracking lines in order, or null where they are not shown (lists)
     */
    public static ShipmentView of(Shipment s, GreenPass pass, boolean showDriver, List<ShipmentTracking> tracking) {
        Vehicle vehicle = pass == null ? null
                : new Vehicle(pass.plate, pass.vehicleType, PassView.DriverView.of(pass, showDriver), pass.status,
                        pass.validFrom, pass.validUntil);
        return new ShipmentView(s.id, s.allocationId, s.status, s.itemCode, s.itemCategory, s.cargoCategory, s.quantity,
                s.supplierId, s.receiverId, s.originRegion, s.destinationRegion, s.passId, s.passNumber, vehicle,
                s.receivedQuantity, s.receiverName, s.pickedUpAt, s.deliveredAt, s.cancelledAt, s.cancellationReason,
                tracking == null ? null
                        : tracking.stream().map(t -> new Tracking(t.kind, t.at, t.checkpointId, t.countyCode)).toList(),
                s.createdAt, s.updatedAt, s.version);
    }
}
