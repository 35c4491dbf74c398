package org.fugong.supply.config;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Allocation policy that authorities may tune (FUGONG_SUPPLY_...). */
@ConfigMapping(prefix = "fugong.supply")
public interface SupplyConfig {

    /** Share (0, 1] of an item's free supply one request may take in a run's first pass. */
    @WithDefault("0.5")
    BigDecimal equityCap();

    /** Regions served first at equal urgency, as GB/T 2260 prefixes; the more that match, the earlier. */
    @WithDefault("42,4201")
    List<String> priorityRegions();

    @WithDefault("Asia/Shanghai")
    ZoneId zone();

    /** How often a transaction PostgreSQL aborted as a deadlock victim or serialisation failure is run again. */
    @WithDefault("3")
    int transientRetries();
}
