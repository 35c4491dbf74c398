package org.fugong.supply.gap;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ProductionCapacity", description = "A supplier's declared daily output of an item; 0 withdraws it")
public record CapacityDeclaration(@NotNull @Size(max = 40) @Schema(example = "MASK_MEDICAL_PROTECTIVE") String itemCode,
        @NotNull @PositiveOrZero @Max(1_000_000_000) @Schema(example = "120000") Long dailyQuantity) {
}
