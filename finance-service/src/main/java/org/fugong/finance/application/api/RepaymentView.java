package org.fugong.finance.application.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fugong.finance.application.Repayment;

import com.fasterxml.jackson.annotation.JsonFormat;

@Schema(name = "Repayment")
public record RepaymentView(UUID id, UUID applicationId, int instalmentNumber,
        @JsonFormat(shape = JsonFormat.Shape.STRING) @Schema(type = SchemaType.STRING, example = "8530.99") BigDecimal amount,
        LocalDate paidOn, Instant createdAt) {

    public static RepaymentView of(Repayment r) {
        return new RepaymentView(r.id, r.applicationId, r.instalmentNumber, Money.cents(r.amount), r.paidOn, r.createdAt);
    }
}
