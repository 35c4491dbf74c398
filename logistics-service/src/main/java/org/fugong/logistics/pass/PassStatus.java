package org.fugong.logistics.pass;

public enum PassStatus {
    /** Waiting for an authority covering the origin. */
    PENDING_REVIEW,
    APPROVED,
    REFUSED,
    /** Withdrawn by an authority, or because the registry suspended or deregistered the enterprise. */
    REVOKED
}
