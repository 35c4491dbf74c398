package org.fugong.finance.application;

import java.math.BigDecimal;

import org.fugong.finance.schedule.RepaymentMethod;

/** A lender's terms: the amount, the annual rate in percent, the term in months and how it is repaid. */
public record Offer(BigDecimal amount, BigDecimal annualRate, int termMonths, RepaymentMethod repaymentMethod) {
}
