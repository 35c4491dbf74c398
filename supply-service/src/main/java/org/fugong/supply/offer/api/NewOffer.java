package org.fugong.supply.offer.api;

import java.time.LocalDate;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "NewSupplyOffer")
public record NewOffer(
        @NotNull @Size(max = 40) @Schema(example = "MASK_MEDICAL_PROTECTIVE") String itemCode,
        @NotNull @Positive @Max(1_000_000_000) @Schema(example = "200000") Long quantity,
        @Pattern(regexp = "\\d{6}", message = "must be a six-digit GB/T 2260 code")
        @Schema(description = "Defaults to the supplier's county", example = "420111") String originRegion,
        @Valid Certificate certificate,
        @Size(max = 100) String lot,
        LocalDate expiryDate) {
}
