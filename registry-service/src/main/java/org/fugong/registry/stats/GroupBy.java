package org.fugong.registry.stats;

public enum GroupBy {
    REGION, INDUSTRY, TIER
}
