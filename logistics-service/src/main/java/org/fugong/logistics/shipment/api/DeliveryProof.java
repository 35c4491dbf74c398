package org.fugong.logistics.shipment.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The proof of delivery: what the receiving institution received and who signed for it. */
@Schema(name = "ShipmentDelivery")
public record DeliveryProof(
        @NotNull @Min(0) @Max(1_000_000_000) @Schema(description = "At most the quantity shipped", example = "58") Long receivedQuantity,
        @NotBlank @Size(max = 100) @Schema(description = "Who signed for the goods", example = "李娜") String receiverName) {
}
