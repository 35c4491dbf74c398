package org.fugong.finance.arrears.api;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "NewArrearsPayment", description = "A payment the debtor made against the settlement plan")
public record NewPayment(
        @NotNull @DecimalMin(value = "0.00", inclusive = false, message = "must be greater than 0")
        @DecimalMax(value = "10000000000000.00", message = "must be at most 10000000000000.00")
        @Digits(integer = 14, fraction = 2, message = "must have at most 2 decimal places")
        @Schema(type = SchemaType.STRING, description = "CNY, at most what is outstanding", example = "128666.67")
        BigDecimal amount,
        @NotNull @Schema(description = "Not in the future", example = "2020-04-28") LocalDate paidOn,
        @Pattern(regexp = "[A-Za-z0-9_/#.-]{1,100}", message = "must be 1 to 100 letters, digits or _/#.-")
        @Schema(description = "The bank's reference of the transfer", example = "TRF20200428-0031") String reference) {
}
