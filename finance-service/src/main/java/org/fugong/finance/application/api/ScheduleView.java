package org.fugong.finance.application.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonFormat;

/**
 * A disbursed loan's whole schedule (at most 360 instalments, so one document rather than a paged
 * list), as of today in the finance zone: what each instalment is, what was paid, what is overdue.
 */
@Schema(name = "RepaymentSchedule")
public record ScheduleView(UUID applicationId, LocalDate asOf, LoanView loan, Totals totals, List<InstalmentView> instalments) {

    public enum InstalmentStatus {
        /** Paid in full. */
        PAID,
        /** Not yet paid in full and its due date has passed. */
        OVERDUE,
        /** Not yet due, or due today. */
        DUE
    }

    @Schema(name = "Instalment")
    public record InstalmentView(int number, LocalDate dueDate,
            @JsonFormat(shape = JsonFormat.Shape.STRING) @Schema(type = SchemaType.STRING) BigDecimal principal,
            @JsonFormat(shape = JsonFormat.Shape.STRING) @Schema(type = SchemaType.STRING) BigDecimal interest,
            @JsonFormat(shape = JsonFormat.Shape.STRING) @Schema(type = SchemaType.STRING,
                    description = "The part of the interest the subsidy pays (to the borrower; the lender is paid in full)")
            BigDecimal subsidyInterest,
            @JsonFormat(shape = JsonFormat.Shape.STRING) @Schema(type = SchemaType.STRING,
                    description = "The interest the borrower bears: interest − subsidy_interest") BigDecimal borrowerInterest,
            @JsonFormat(shape = JsonFormat.Shape.STRING) @Schema(type = SchemaType.STRING,
                    description = "principal + interest: what the lender is due") BigDecimal payment,
            @JsonFormat(shape = JsonFormat.Shape.STRING) @Schema(type = SchemaType.STRING) BigDecimal remainingPrincipal,
            @JsonFormat(shape = JsonFormat.Shape.STRING) @Schema(type = SchemaType.STRING) BigDecimal paid,
            @JsonFormat(shape = JsonFormat.Shape.STRING) @Schema(type = SchemaType.STRING) BigDecimal outstanding,
            InstalmentStatus status) {
    }

    @Schema(name = "ScheduleTotals")
    public record Totals(
            @JsonFormat(shape = JsonFormat.Shape.STRING) @Schema(type = SchemaType.STRING) BigDecimal principal,
            @JsonFormat(shape = JsonFormat.Shape.STRING) @Schema(type = SchemaType.STRING) BigDecimal interest,
            @JsonFormat(shape = JsonFormat.Shape.STRING) @Schema(type = SchemaType.STRING) BigDecimal subsidyInterest,
            @JsonFormat(shape = JsonFormat.Shape.STRING) @Schema(type = SchemaType.STRING) BigDecimal borrowerInterest,
            @JsonFormat(shape = JsonFormat.Shape.STRING) @Schema(type = SchemaType.STRING) BigDecimal payments,
            @JsonFormat(shape = JsonFormat.Shape.STRING) @Schema(type = SchemaType.STRING) BigDecimal paid,
            @JsonFormat(shape = JsonFormat.Shape.STRING) @Schema(type = SchemaType.STRING) BigDecimal outstanding,
            int overdueCount,
            @JsonFormat(shape = JsonFormat.Shape.STRING) @Schema(type = SchemaType.STRING) BigDecimal overdueAmount) {
    }
}
