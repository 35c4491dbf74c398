package org.fugong.finance.application.api;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fugong.finance.application.Product;

@Schema(name = "NewFinancingApplication", description = "What the caller's own enterprise asks of one or several lenders. "
        + "Who it is (size, tier, white list, region, status) comes from the registry, never from here.")
public record NewApplication(
        @NotNull Product product,
        @NotNull @DecimalMin(value = "0.00", inclusive = false, message = "must be greater than 0")
        @DecimalMax(value = "10000000000000.00", message = "must be at most 10000000000000.00")
        @Digits(integer = 14, fraction = 2, message = "must have at most 2 decimal places")
        @Schema(type = SchemaType.STRING, description = "CNY, a decimal string with at most 2 decimal places; for "
                + "RECEIVABLES_FINANCING at most the advance rate (default 80 %) of the receivables' face value",
                example = "800000.00") BigDecimal amount,
        @NotNull @Min(value = 1, message = "must be at least 1 month") @Max(value = 360, message = "must be at most 360 months")
        @Schema(example = "12") Integer termMonths,
        @NotNull @Size(min = 1, max = 1000) @Schema(example = "Melt-blown fabric for the mask line") String purpose,
        @NotNull @Min(0) @Max(3650) @Schema(description = "How many days the enterprise can pay its way with the cash "
                + "it has, as it declares it", example = "9") Integer daysOfCashLeft,
        @NotNull @Size(min = 1, max = 10, message = "must name 1 to 10 lenders")
        @Schema(description = "FINANCIAL_INSTITUTION organisations known to the registry") List<@NotNull UUID> lenderOrgIds,
        @Size(max = 50, message = "must name at most 50 receivables")
        @Schema(description = "RECEIVABLES_FINANCING only: the applicant's own CONFIRMED receivables, pledged to the "
                + "application") List<@NotNull UUID> receivableIds) {
}
