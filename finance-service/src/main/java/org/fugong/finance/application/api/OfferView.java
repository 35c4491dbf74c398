package org.fugong.finance.application.api;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fugong.finance.application.LenderReview;
import org.fugong.finance.schedule.RepaymentMethod;

import com.fasterxml.jackson.annotation.JsonFormat;

@Schema(name = "Offer", description = "A lender's terms")
public record OfferView(
        @JsonFormat(shape = JsonFormat.Shape.STRING) @Schema(type = SchemaType.STRING, example = "800000.00") BigDecimal amount,
        @JsonFormat(shape = JsonFormat.Shape.STRING) @Schema(type = SchemaType.STRING, description = "Percent a year",
                example = "3.15") BigDecimal annualRate,
        int termMonths, RepaymentMethod repaymentMethod,
        @Schema(description = "The last day the applicant may accept it (approved offers only)") LocalDate validUntil) {

    static OfferView of(LenderReview l, boolean withValidity) {
        return new OfferView(Money.cents(l.offerAmount), Money.rate(l.offerRate), l.offerTermMonths, l.offerMethod,
                withValidity ? l.offerValidUntil : null);
    }
}
