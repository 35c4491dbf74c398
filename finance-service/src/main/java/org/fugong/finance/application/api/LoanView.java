package org.fugong.finance.application.api;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fugong.finance.application.FinancingApplication;
import org.fugong.finance.schedule.RepaymentMethod;

import com.fasterxml.jackson.annotation.JsonFormat;

@Schema(name = "Loan", description = "The disbursed loan: the accepted offer's terms and the interest subsidy, if any")
public record LoanView(
        @JsonFormat(shape = JsonFormat.Shape.STRING) @Schema(type = SchemaType.STRING, example = "800000.00") BigDecimal principal,
        @JsonFormat(shape = JsonFormat.Shape.STRING) @Schema(type = SchemaType.STRING, example = "3.15") BigDecimal annualRate,
        int termMonths, RepaymentMethod repaymentMethod, LocalDate disbursedOn, SubsidyView interestSubsidy) {

    @Schema(name = "InterestSubsidyTerms", description = "财金〔2020〕5号: the budget pays share_percent of the central bank's "
            + "relending rate on the outstanding principal, for the instalments due within months of disbursement")
    public record SubsidyView(
            @JsonFormat(shape = JsonFormat.Shape.STRING) @Schema(type = SchemaType.STRING, example = "2.50") BigDecimal relendingRate,
            @JsonFormat(shape = JsonFormat.Shape.STRING) @Schema(type = SchemaType.STRING, example = "50.00") BigDecimal sharePercent,
            int months) {
    }

    public static LoanView of(FinancingApplication a) {
        if (a.disbursedOn == null) {
            return null;
        }
        SubsidyView subsidy = a.subsidy().map(t -> new SubsidyView(Money.rate(t.relendingRatePercent()),
                Money.rate(t.sharePercent()), t.months())).orElse(null);
        return new LoanView(Money.cents(a.principal), Money.rate(a.annualRate), a.loanTermMonths, a.repaymentMethod,
                a.disbursedOn, subsidy);
    }
}
