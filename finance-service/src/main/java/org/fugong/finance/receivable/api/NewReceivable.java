package org.fugong.finance.receivable.api;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "NewReceivable", description = "An invoice owed to the caller's own organisation")
public record NewReceivable(
        @NotNull @Size(max = 40) @Schema(description = "The debtor's unified social credit code (GB 32100-2015); "
                + "it must be an organisation registered with the registry", example = "91110000100001764E") String debtorUscc,
        @NotNull @Pattern(regexp = "[A-Za-z0-9_/-]{1,64}", message = "must be 1 to 64 letters, digits, '-', '_' or '/'")
        @Schema(example = "3300201130-04417823") String invoiceNumber,
        @NotNull @DecimalMin(value = "0.00", inclusive = false, message = "must be greater than 0")
        @DecimalMax(value = "10000000000000.00", message = "must be at most 10000000000000.00")
        @Digits(integer = 14, fraction = 2, message = "must have at most 2 decimal places")
        @Schema(type = SchemaType.STRING, description = "CNY, a decimal string with at most 2 decimal places",
                example = "1250000.00") BigDecimal amount,
        @NotNull @Schema(example = "2020-01-15") LocalDate issueDate,
        @NotNull @Schema(description = "On or after the issue date", example = "2020-04-15") LocalDate dueDate) {
}
