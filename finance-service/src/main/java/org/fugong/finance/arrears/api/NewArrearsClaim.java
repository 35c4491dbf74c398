package org.fugong.finance.arrears.api;

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

@Schema(name = "NewArrearsClaim", description = "Overdue payment owed to the caller's own organisation")
public record NewArrearsClaim(
        @NotNull @Size(max = 40) @Schema(description = "The debtor's unified social credit code: a government body or a "
                + "large enterprise registered with the registry", example = "11420100MB1A45678X") String debtorUscc,
        @NotNull @Pattern(regexp = "[\\p{L}\\p{N}][\\p{L}\\p{N} _/#.()（）〔〕-]{0,99}",
                message = "must be 1 to 100 letters, digits, spaces or _/#.()-, starting with a letter or digit")
        @Schema(example = "WH-GOV-2019-0117") String contractReference,
        @NotNull @DecimalMin(value = "0.00", inclusive = false, message = "must be greater than 0")
        @DecimalMax(value = "10000000000000.00", message = "must be at most 10000000000000.00")
        @Digits(integer = 14, fraction = 2, message = "must have at most 2 decimal places")
        @Schema(type = SchemaType.STRING, description = "CNY still unpaid, a decimal string with at most 2 decimal places",
                example = "386000.00") BigDecimal amount,
        @NotNull @Schema(description = "When it should have been paid: before today (it is overdue)", example = "2019-12-31")
        LocalDate dueDate) {
}
