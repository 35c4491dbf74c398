package org.fugong.finance.schedule;

import java.math.BigDecimal;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The interest subsidy on loans under the 2020 special relending (FUGONG_FINANCE_SUBSIDY_...): per
 * 财金〔2020〕5号 the central budget pays 50 % of the central bank's relending rate, for at most one
 * year. The relending rate itself is configuration: see docs/finance.md for what could and could
 * not be confirmed about it.
 */
@ConfigMapping(prefix = "fugong.finance.subsidy")
public interface SubsidyConfig {

    /** Whether working-capital loans to key enterprises get the subsidy at all. */
    @WithDefault("true")
    boolean enabled();

    /** The central bank's relending rate, percent a year. */
    @WithDefault("2.5")
    BigDecimal relendingRatePercent();

    /** The share of the relending rate the budget pays, percent. */
    @WithDefault("50")
    BigDecimal sharePercent();

    /** For how many months from disbursement instalments are subsidised. */
    @WithDefault("12")
    int months();

    default InterestSubsidy.Terms terms() {
        return new InterestSubsidy.Terms(relendingRatePercent(), sharePercent(), months());
    }
}
