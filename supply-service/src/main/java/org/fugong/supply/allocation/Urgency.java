package org.fugong.supply.allocation;

/** How soon a request must be served; declared in serving order. */
public enum Urgency {
    CRITICAL, HIGH, NORMAL
}
