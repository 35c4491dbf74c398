package org.fugong.logistics.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Worker return's limits (FUGONG_LOGISTICS_WORKERS_...): requests to bring employees back and the
 * charter trips that carry them. Dates are in {@link LogisticsConfig#zone()}.
 */
@ConfigMapping(prefix = "fugong.logistics.workers")
public interface WorkersConfig {

    /**
     * The share of a charter trip's seats that may be filled, in percent, rounded down to whole
     * passengers: at most half by default, so passengers sit apart.
     */
    @WithDefault("50")
    @Min(1)
    @Max(100)
    int maxSeatFillPercent();

    /** The most passengers one request may list (one enterprise, one origin, one date). */
    @WithDefault("30")
    @Min(1)
    @Max(100)
    int maxPassengersPerRequest();

    /** How many days ahead a request or a trip may be dated (today is day 0). */
    @WithDefault("30")
    @Min(0)
    @Max(366)
    int horizonDays();
}
