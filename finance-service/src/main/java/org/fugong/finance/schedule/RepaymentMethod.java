package org.fugong.finance.schedule;

/** How a loan is repaid, monthly. */
public enum RepaymentMethod {
    /** 等额本息: the same payment every month, interest falling and principal rising (an annuity). */
    EQUAL_INSTALMENTS,
    /** 等额本金: the same principal every month plus the interest on what is left, so payments fall. */
    EQUAL_PRINCIPAL
}
