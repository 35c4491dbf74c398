package org.fugong.registry.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneId;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Registry rules that authorities may tune (FUGONG_REGISTRY_...). */
@ConfigMapping(prefix = "fugong.registry")
public interface RegistryConfig {

    /** Capacity utilisation (%) at which a resumption report marks the enterprise RESUMED. */
    @WithDefault("80")
    BigDecimal resumedCapacityThreshold();

    /** Suspected cases in one daily report that raise an outbreak alert (any confirmed case does). */
    @WithDefault("3")
    int suspectedAlertThreshold();

    /**
     * How long after the start of the report date (local time) a health report counts as on time:
     * PT12H is noon of that day.
     */
    @WithDefault("PT12H")
    Duration healthReportDeadline();

    /** The time zone of report dates and deadlines. */
    @WithDefault("Asia/Shanghai")
    ZoneId zone();
}
