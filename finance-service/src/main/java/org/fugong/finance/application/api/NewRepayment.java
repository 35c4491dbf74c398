package org.fugong.finance.application.api;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "NewRepayment", description = "Money the lender received against one instalment")
public record NewRepayment(
        @NotNull @Min(value = 1, message = "must be at least 1") @Max(value = 360, message = "must be at most 360")
        @Schema(example = "1") Integer instalmentNumber,
        @NotNull @DecimalMin(value = "0.00", inclusive = false, message = "must be greater than 0")
        @DecimalMax(value = "10000000000000.00", message = "must be at most 10000000000000.00")
        @Digits(integer = 14, fraction = 2, message = "must have at most 2 decimal places")
        @Schema(type = SchemaType.STRING, description = "CNY; at most what is still due on the instalment",
                example = "8530.99") BigDecimal amount,
        @Schema(description = "Today (in the finance zone) when absent; not in the future, not before the disbursement",
                example = "2020-04-02") LocalDate paidOn) {
}
