package org.fugong.logistics.shipment.api;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fugong.logistics.pass.VehicleType;
import org.fugong.logistics.pass.api.NewPass;

/**
 * The supplier's vehicle and driver for a shipment: what a green pass needs besides what the
 * shipment fixes (the enterprise, the cargo, the two ends of the route).
 */
@Schema(name = "ShipmentVehicleAssignment")
public record VehicleAssignment(
        @NotNull @Size(max = 20) @Schema(description = "GA 36-2018; full-width characters and spaces are normalised", example = "鄂A12345") String plate,
        @NotNull VehicleType vehicleType,
        @NotNull @Valid NewPass.Driver driver,
        @NotNull @Schema(example = "2020-02-25") LocalDate validFrom,
        @NotNull @Schema(description = "Inclusive; the window is at most 14 days (configurable)", example = "2020-03-05") LocalDate validUntil,
        @Size(max = 8, message = "lists at most 8 regions passed through")
        @Schema(description = "GB/T 2260 codes of the prefectures, provinces or counties passed through, in order, between the shipment's origin and destination; checkpoints elsewhere scan OFF_ROUTE", example = "[\"420000\"]")
        List<@NotNull @Pattern(regexp = "\\d{6}", message = "must be a six-digit GB/T 2260 code") String> via) {
}
