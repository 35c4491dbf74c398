package org.fugong.logistics.pass;

public enum PassStatus {
    /**
     * Waiting for an authority covering the origin: at application, or approved and sent back to
     * review because an end of its route turned HIGH ({@code suspendedAt} set).
     */
    PENDING_REVIEW,
    APPROVED,
    REFUSED,
    /** Withdrawn by an authority, or because the registry suspended or deregistered the enterprise. */
    REVOKED,
    /** Its validity ended while it was approved or under review (the expiry sweep). */
    EXPIRED
}
