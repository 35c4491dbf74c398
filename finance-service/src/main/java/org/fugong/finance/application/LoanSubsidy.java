package org.fugong.finance.application;

import java.util.Objects;
import java.util.UUID;

import org.fugong.finance.schedule.InterestSubsidy;
import org.fugong.finance.schedule.SubsidyBasis;

/** The interest subsidy a loan is disbursed with: the policy that grants it, the rate it is a share of, and its terms. */
public record LoanSubsidy(UUID policyId, SubsidyBasis basis, InterestSubsidy.Terms terms) {
    public LoanSubsidy {
        Objects.requireNonNull(policyId, "policyId");
        Objects.requireNonNull(basis, "basis");
        Objects.requireNonNull(terms, "terms");
    }
}
