package org.fugong.finance.application.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fugong.finance.application.FinancingApplication;
import org.fugong.finance.schedule.RepaymentMethod;
import org.fugong.finance.schedule.SubsidyBasis;

import com.fasterxml.jackson.annotation.JsonFormat;

@Schema(name = "Loan", description = "The disbursed loan: the accepted offer's terms and the interest subsidy, if any")
public record LoanView(
        @JsonFormat(shape = JsonFormat.Shape.STRING) @Schema(type = SchemaType.STRING, example = "800000.00") BigDecimal principal,
        @JsonFormat(shape = JsonFormat.Shape.STRING) @Schema(type = SchemaType.STRING, example = "3.15") BigDecimal annualRate,
        int termMonths, RepaymentMethod repaymentMethod, LocalDate disbursedOn, SubsidyView interestSubsidy) {

    @Schema(name = "InterestSubsidyTerms", description = "The INTEREST_SUBSIDY policy the loan was disbursed under (财金〔2020〕5号 "
            + "as seeded): the budget pays share_percent of base_rate — the basis: the central bank's relending rate, or "
            + "the loan's own rate — on the outstanding principal, for the instalments due within months of disbursement")
    public record SubsidyView(UUID policyId, SubsidyBasis basis,
            @JsonFormat(shape = JsonFormat.Shape.STRING) @Schema(type = SchemaType.STRING, example = "2.50") BigDecimal baseRate,
            @JsonFormat(shape = JsonFormat.Shape.STRING) @Schema(type = SchemaType.STRING, example = "50.00") BigDecimal sharePercent,
            int months) {
    }

    public static LoanView of(FinancingApplication a) {
        if (a.disbursedOn == null) {
            return null;
        }
        SubsidyView subsidy = a.subsidy().map(s -> new SubsidyView(s.policyId(), s.basis(),
                Money.rate(s.terms().baseRatePercent()), Money.rate(s.terms().sharePercent()), s.terms().months()))
                .orElse(null);
        return new LoanView(Money.cents(a.principal), Money.rate(a.annualRate), a.loanTermMonths, a.repaymentMethod,
                a.disbursedOn, subsidy);
    }
}
