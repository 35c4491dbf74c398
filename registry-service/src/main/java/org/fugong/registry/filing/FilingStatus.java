package org.fugong.registry.filing;

public enum FilingStatus {
    APPROVED, PENDING_REVIEW, REJECTED
}
