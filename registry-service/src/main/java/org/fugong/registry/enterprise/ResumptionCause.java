package org.fugong.registry.enterprise;

/** Why an organisation's resumption status moved: the {@code cause} of a resumption-status-changed event. */
public enum ResumptionCause {
    FILING_APPROVED,
    RESUMPTION_REPORT,
    STATUS_SUSPENDED,
    STATUS_DEREGISTERED;

    /** Leaving ACTIVE halts work: the cause names the status that halted it. */
    static ResumptionCause haltedBy(EnterpriseStatus status) {
        return switch (status) {
            case SUSPENDED -> STATUS_SUSPENDED;
            case DEREGISTERED -> STATUS_DEREGISTERED;
            case ACTIVE -> throw new IllegalArgumentException("ACTIVE halts nothing");
        };
    }
}
