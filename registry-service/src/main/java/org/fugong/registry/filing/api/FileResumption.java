package org.fugong.registry.filing.api;

import java.time.LocalDate;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fugong.registry.filing.PreventionMeasures;

@Schema(name = "FileResumption", description = "A plan to resume work")
public record FileResumption(
        @NotNull @Schema(example = "2020-03-02") LocalDate plannedDate,
        @NotNull @Positive @Max(10_000_000) @Schema(example = "180") Integer workforce,
        @NotNull @Valid PreventionMeasures measures) {
}
