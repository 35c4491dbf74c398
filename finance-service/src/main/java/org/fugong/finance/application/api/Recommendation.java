package org.fugong.finance.application.api;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fugong.finance.schedule.RepaymentMethod;

@Schema(name = "RecommendationRequest", description = "The maker's recommendation: an OFFER with its four terms, or a REFUSE "
        + "with its reason. Another reviewer of the same lender approves it.")
public record Recommendation(
        @NotNull Decision decision,
        @DecimalMin(value = "0.00", inclusive = false, message = "must be greater than 0")
        @DecimalMax(value = "10000000000000.00", message = "must be at most 10000000000000.00")
        @Digits(integer = 14, fraction = 2, message = "must have at most 2 decimal places")
        @Schema(type = SchemaType.STRING, description = "CNY; at most the amount applied for", example = "800000.00")
        BigDecimal amount,
        @DecimalMin(value = "0", message = "must be at least 0")
        @DecimalMax(value = "36", message = "must be at most 36 (percent a year)")
        @Digits(integer = 2, fraction = 4, message = "must have at most 4 decimal places")
        @Schema(type = SchemaType.STRING, description = "Percent a year, 0 to 36", example = "3.15") BigDecimal annualRate,
        @Min(value = 1, message = "must be at least 1 month") @Max(value = 360, message = "must be at most 360 months")
        @Schema(example = "12") Integer termMonths,
        RepaymentMethod repaymentMethod,
        @Size(max = 1000) @Schema(description = "Required to refuse; the applicant sees it once approved",
                example = "Receivables concentrated on one debtor") String reason) {

    public enum Decision {
        OFFER, REFUSE
    }
}
