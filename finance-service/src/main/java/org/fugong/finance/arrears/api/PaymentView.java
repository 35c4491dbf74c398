package org.fugong.finance.arrears.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fugong.finance.arrears.ArrearsPayment;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;

@Schema(name = "ArrearsPayment")
public record PaymentView(UUID id, UUID claimId,
        @JsonFormat(shape = JsonFormat.Shape.STRING) @Schema(type = SchemaType.STRING, example = "128666.67") BigDecimal amount,
        LocalDate paidOn, @JsonInclude(JsonInclude.Include.NON_NULL) String reference, Instant recordedAt) {

    public static PaymentView of(ArrearsPayment p) {
        return new PaymentView(p.id, p.claimId, p.amount.setScale(2), p.paidOn, p.reference, p.recordedAt);
    }
}
