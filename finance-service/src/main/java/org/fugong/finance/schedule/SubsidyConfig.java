package org.fugong.finance.schedule;

import java.math.BigDecimal;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The one figure of the interest subsidy that is not the policy's: the central bank's relending
 * rate, for subsidies whose policy takes their share of it ({@link SubsidyBasis#RELENDING_RATE}).
 * Share, months and who qualifies are the INTEREST_SUBSIDY policy's data. The default is
 * unconfirmed for the 2020 special relending: see docs/finance.md.
 */
@ConfigMapping(prefix = "fugong.finance.subsidy")
public interface SubsidyConfig {

    /** The central bank's relending rate, percent a year (FUGONG_FINANCE_SUBSIDY_RELENDING_RATE_PERCENT). */
    @WithDefault("2.5")
    BigDecimal relendingRatePercent();
}
