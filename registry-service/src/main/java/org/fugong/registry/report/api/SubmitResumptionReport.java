package org.fugong.registry.report.api;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fugong.registry.filing.PreventionMeasures;

@Schema(name = "SubmitResumptionReport", description = "Resumption figures as of a date")
public record SubmitResumptionReport(
        @NotNull @Schema(example = "2020-03-09") LocalDate reportDate,
        @NotNull @PositiveOrZero @Max(10_000_000) @Schema(example = "200") Integer employeesTotal,
        @NotNull @PositiveOrZero @Max(10_000_000) @Schema(example = "172") Integer employeesReturned,
        @NotNull @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2)
        @Schema(type = SchemaType.STRING, example = "85.5", description = "Capacity utilisation in percent") BigDecimal capacityUtilisation,
        @NotNull @Valid PreventionMeasures measures) {
}
