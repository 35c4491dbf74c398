package org.fugong.finance.application.api;

import java.math.BigDecimal;

/** How amounts and rates are shown: money with two decimals, rates with two to four. */
public final class Money {

    private Money() {
    }

    public static BigDecimal cents(BigDecimal amount) {
        return amount == null ? null : amount.setScale(2);
    }

    /** 4.3500 → 4.35, 0 → 0.00, 3.1525 stays. */
    public static BigDecimal rate(BigDecimal rate) {
        if (rate == null) {
            return null;
        }
        BigDecimal stripped = rate.stripTrailingZeros();
        return stripped.scale() < 2 ? stripped.setScale(2) : stripped;
    }
}
