package org.fugong.registry.enterprise;

import java.math.BigDecimal;

/**
 * SME size of an industrial enterprise (MIIT 2011 No. 300), applied to every industry until
 * industry-specific thresholds are added. Each class needs both its employee and revenue floor.
 */
public enum SizeClass {
    LARGE, MEDIUM, SMALL, MICRO;

    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

    public static SizeClass of(int employees, BigDecimal annualRevenue) {
        if (employees >= 1000 && annualRevenue.compareTo(MILLION.multiply(BigDecimal.valueOf(400))) >= 0) {
            return LARGE;
        }
        if (employees >= 300 && annualRevenue.compareTo(MILLION.multiply(BigDecimal.valueOf(20))) >= 0) {
            return MEDIUM;
        }
        if (employees >= 20 && annualRevenue.compareTo(MILLION.multiply(BigDecimal.valueOf(3))) >= 0) {
            return SMALL;
        }
        return MICRO;
    }
}
