package org.fugong.finance.schedule;

import java.math.BigDecimal;

/**
 * The rate an interest subsidy is a share of. Issue 14 reads 财金〔2020〕5号 as a share of the
 * central bank's relending rate; the published accounts of the notice put it on the rate the
 * enterprise actually obtained (docs/finance.md). Both are data of the policy, so an administrator
 * decides, not the code.
 */
public enum SubsidyBasis {
    /** The central bank's relending rate: a configured figure (FUGONG_FINANCE_SUBSIDY_RELENDING_RATE_PERCENT). */
    RELENDING_RATE,
    /** The loan's own annual rate. */
    LOAN_RATE;

    /** The rate, percent a year, that the subsidy's share is taken of. */
    public BigDecimal baseRate(BigDecimal relendingRatePercent, BigDecimal loanRatePercent) {
        return this == RELENDING_RATE ? relendingRatePercent : loanRatePercent;
    }
}
