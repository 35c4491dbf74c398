package org.fugong.finance.receivable.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fugong.finance.receivable.Receivable;
import org.fugong.finance.receivable.ReceivableStatus;

import com.fasterxml.jackson.annotation.JsonFormat;

@Schema(name = "Receivable")
public record ReceivableView(UUID id, UUID creditorOrgId, UUID debtorOrgId, String debtorUscc, String invoiceNumber,
        @JsonFormat(shape = JsonFormat.Shape.STRING) @Schema(type = SchemaType.STRING, example = "1250000.00") BigDecimal amount,
        LocalDate issueDate, LocalDate dueDate, ReceivableStatus status, String disputeReason, Instant decidedAt,
        Instant createdAt, long version) {

    public static ReceivableView of(Receivable r) {
        return new ReceivableView(r.id, r.creditorOrgId, r.debtorOrgId, r.debtorUscc, r.invoiceNumber,
                r.amount.setScale(2), r.issueDate, r.dueDate, r.status, r.disputeReason, r.decidedAt, r.createdAt,
                r.version);
    }
}
