package org.fugong.finance.arrears.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fugong.finance.arrears.ArrearsClaim;
import org.fugong.finance.arrears.ArrearsInstalment;
import org.fugong.finance.arrears.ArrearsStatus;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;

@Schema(name = "ArrearsClaim")
public record ArrearsClaimView(UUID id, UUID creditorOrgId, UUID debtorOrgId, String debtorUscc, String debtorRegionCode,
        String contractReference,
        @JsonFormat(shape = JsonFormat.Shape.STRING) @Schema(type = SchemaType.STRING, example = "386000.00") BigDecimal amount,
        @JsonFormat(shape = JsonFormat.Shape.STRING) @Schema(type = SchemaType.STRING, example = "128666.67") BigDecimal paid,
        @JsonFormat(shape = JsonFormat.Shape.STRING) @Schema(type = SchemaType.STRING, example = "257333.33") BigDecimal outstanding,
        LocalDate dueDate, @Schema(description = "Days since the due date, today in the finance zone") long daysOverdue,
        ArrearsStatus status, @JsonInclude(JsonInclude.Include.NON_NULL) String disputeReason,
        @JsonInclude(JsonInclude.Include.NON_NULL) Instant respondedAt, List<InstalmentView> plan,
        @JsonInclude(JsonInclude.Include.NON_NULL) Instant planAgreedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) Instant settledAt, Instant createdAt, long version) {

    @Schema(name = "ArrearsInstalment")
    public record InstalmentView(int number, LocalDate dueDate,
            @JsonFormat(shape = JsonFormat.Shape.STRING) @Schema(type = SchemaType.STRING) BigDecimal amount,
            @JsonFormat(shape = JsonFormat.Shape.STRING) @Schema(type = SchemaType.STRING) BigDecimal paid,
            @Schema(description = "Due before today and not paid in full") boolean overdue) {

        public static InstalmentView of(ArrearsInstalment i, LocalDate today) {
            return new InstalmentView(i.number, i.dueDate, i.amount.setScale(2), i.paid.setScale(2), i.isOverdue(today));
        }
    }

    public static ArrearsClaimView of(ArrearsClaim c, List<ArrearsInstalment> plan, LocalDate today) {
        return new ArrearsClaimView(c.id, c.creditorOrgId, c.debtorOrgId, c.debtorUscc, c.debtorRegionCode,
                c.contractReference, c.amount.setScale(2), c.paid().setScale(2), c.outstanding.setScale(2), c.dueDate,
                c.daysOverdue(today), c.status, c.disputeReason, c.respondedAt,
                plan.stream().map(i -> InstalmentView.of(i, today)).toList(), c.planAgreedAt, c.settledAt, c.createdAt,
                c.version);
    }
}
