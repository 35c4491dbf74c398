package org.fugong.finance.arrears.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "SettlementPlan", description = "Dated instalments, in date order, none in the past, summing exactly to "
        + "what is outstanding")
public record NewSettlementPlan(@NotNull @Size(min = 1, max = 60) List<@Valid @NotNull Instalment> instalments) {

    public record Instalment(@NotNull @Schema(example = "2020-04-30") LocalDate dueDate,
            @NotNull @DecimalMin(value = "0.00", inclusive = false, message = "must be greater than 0")
            @DecimalMax(value = "10000000000000.00", message = "must be at most 10000000000000.00")
            @Digits(integer = 14, fraction = 2, message = "must have at most 2 decimal places")
            @Schema(type = SchemaType.STRING, example = "128666.67") BigDecimal amount) {
    }
}
