package org.fugong.supply.request.api;

import java.time.LocalDate;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fugong.supply.allocation.Urgency;

@Schema(name = "NewSupplyRequest")
public record NewRequest(
        @NotNull @Size(max = 40) @Schema(example = "MASK_MEDICAL_PROTECTIVE") String itemCode,
        @NotNull @Positive @Max(1_000_000_000) @Schema(example = "50000") Long quantity,
        @NotNull Urgency urgency,
        @PositiveOrZero @Max(3650) @Schema(example = "2") Integer daysOfSupplyLeft,
        @Pattern(regexp = "\\d{6}", message = "must be a six-digit GB/T 2260 code")
        @Schema(description = "A hospital's requests go to its own county (leave it out or name that county); an authority names a region in its scope", example = "420102") String deliveryRegion,
        @Schema(example = "2020-02-28") LocalDate neededBy) {
}
