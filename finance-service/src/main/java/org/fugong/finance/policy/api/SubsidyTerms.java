package org.fugong.finance.policy.api;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fugong.finance.schedule.SubsidyBasis;

import com.fasterxml.jackson.annotation.JsonFormat;

@Schema(name = "SubsidyTerms", description = "What an INTEREST_SUBSIDY pays: share_percent of the basis rate on the "
        + "principal outstanding, for the instalments due within months of disbursement; it applies to working-capital "
        + "loans under the special relending of enterprises the policy matches, disbursed while it is in force")
public record SubsidyTerms(
        @NotNull @Schema(description = "RELENDING_RATE: the central bank's relending rate (configured); LOAN_RATE: the "
                + "loan's own rate") SubsidyBasis basis,
        @NotNull @DecimalMin(value = "0", inclusive = false, message = "must be greater than 0")
        @DecimalMax(value = "100", message = "must be at most 100 (percent)")
        @Digits(integer = 3, fraction = 2, message = "must have at most 2 decimal places")
        @JsonFormat(shape = JsonFormat.Shape.STRING)
        @Schema(type = SchemaType.STRING, description = "Percent of the basis rate", example = "50.00") BigDecimal sharePercent,
        @NotNull @Min(value = 1, message = "must be at least 1 month") @Max(value = 36, message = "must be at most 36 months")
        @Schema(example = "12") Integer months) {

    /** As stored: two decimals for the share. */
    public static SubsidyTerms of(SubsidyBasis basis, BigDecimal sharePercent, Integer months) {
        return basis == null ? null : new SubsidyTerms(basis, sharePercent.setScale(2), months);
    }
}
