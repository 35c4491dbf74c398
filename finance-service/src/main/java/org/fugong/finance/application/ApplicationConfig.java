package org.fugong.finance.application;

import java.math.BigDecimal;
import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Financing applications (FUGONG_FINANCE_APPLICATIONS_...). */
@ConfigMapping(prefix = "fugong.finance.applications")
public interface ApplicationConfig {

    /** The share of the backing receivables' outstanding face value a receivables financing may ask for. */
    @WithDefault("80")
    BigDecimal advanceRatePercent();

    /** How long an approved offer stays open for the applicant, in days from its approval. */
    @WithDefault("30")
    int offerValidDays();

    /** How often offers past their validity are lapsed. */
    @WithDefault("10m")
    Duration offerSweepInterval();
}
