package org.fugong.registry.region;

/** County epidemic risk levels of the 2020 classification. */
public enum RiskLevel {
    /** No case, or none new in 14 days. */
    LOW,
    /** A new case in 14 days and at most 50 in all, or more than 50 with no cluster in 14 days. */
    MEDIUM,
    /** More than 50 cases in all and a cluster in 14 days. */
    HIGH
}
