package org.fugong.registry.enterprise;

public enum ResumptionStatus {
    NOT_RESUMED, RESUMING, RESUMED, HALTED
}
