package org.fugong.finance.config;

import java.time.ZoneId;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Finance's own settings (FUGONG_FINANCE_...). */
@ConfigMapping(prefix = "fugong.finance")
public interface FinanceConfig {

    /** Where "today" is, for invoice and due dates. */
    @WithDefault("Asia/Shanghai")
    ZoneId zone();
}
