package org.fugong.registry.health.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "HealthFigures", description = "A day's figures among the organisation's people; zeros are a report too")
public record HealthFigures(
        @NotNull @PositiveOrZero @Max(1_000_000) @Schema(example = "0") Integer confirmed,
        @NotNull @PositiveOrZero @Max(1_000_000) @Schema(example = "0") Integer suspected,
        @NotNull @PositiveOrZero @Max(1_000_000) @Schema(example = "1") Integer fever,
        @NotNull @PositiveOrZero @Max(1_000_000) @Schema(example = "0") Integer closeContacts) {
}
