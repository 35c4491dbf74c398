package org.fugong.logistics.checkpoint.api;

import java.math.BigDecimal;
import java.util.UUID;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a checkpoint officer's handheld sends for one vehicle. The temperature is judged, never stored. */
@Schema(name = "NewCheckpointScan")
public record NewScan(
        @NotNull UUID checkpointId,
        @NotBlank @Size(max = 4096) @Schema(description = "The pass code as read from the QR image") String code,
        @NotNull @Size(max = 20) @Schema(description = "The plate the officer read; normalised like an application's", example = "浙A12345") String plateRead,
        @Min(0) @Max(1440) @Schema(description = "Minutes the vehicle waited in the queue") Integer waitingMinutes,
        @DecimalMin("34.0") @DecimalMax("43.0") @Schema(description = "Driver's temperature in °C; 37.3 or more calls for a health check", example = "36.6") BigDecimal driverTemperature) {
}
