package org.fugong.launcher.fault;

/**
 * One write the load sent, and what its client was told: the status (0 when no answer came within
 * the timeout or the connection failed), the id of what it made or changed when it was
 * acknowledged, and how long the answer took. Written by the load's HTTP threads, read by the
 * checker once the load has stopped.
 */
final class Op {

    enum Kind {
        /** An authority registers an enterprise (registry; read by supply, logistics and finance). */
        REGISTRATION,
        /** The maker offers masks (supply). */
        OFFER,
        /** The hospital asks for masks (supply; allocated at once from the open offers). */
        REQUEST,
        /** The maker confirms an allocation (supply; logistics plans a shipment from it). */
        CONFIRMATION,
        /** The maker applies to the bank for a working-capital loan (finance). */
        APPLICATION,
        /** The load's own enterprise reports a day's health figures (registry; some raise an outbreak alert). */
        HEALTH_REPORT,
        /** The maker applies for a green pass for a truck of masks (logistics; approved at once by the rule). */
        PASS,
        /** The checkpoint's officer scans the code of an earlier acknowledged pass (logistics). */
        SCAN
    }

    final long number;
    final Kind kind;
    /**
     * The Idempotency-Key of a creating POST, with which the checker finds what it made; the
     * allocation id of a confirmation; for a health report, which has no key (a PUT of its day),
     * the load's prefix and the day.
     */
    final String key;
    /** Milliseconds since the load began. */
    final long sentAt;
    private volatile int status = -1;
    private volatile String id;
    private volatile long latencyMillis;
    private volatile boolean problemJson;

    Op(long number, Kind kind, String key, long sentAt) {
        this.number = number;
        this.kind = kind;
        this.key = key;
        this.sentAt = sentAt;
    }

    void answered(int status, String id, long latencyMillis, boolean problemJson) {
        this.id = id;
        this.latencyMillis = latencyMillis;
        this.problemJson = problemJson;
        this.status = status;
    }

    void unanswered(long latencyMillis) {
        this.latencyMillis = latencyMillis;
        this.status = 0;
    }

    int status() {
        return status;
    }

    String id() {
        return id;
    }

    long latencyMillis() {
        return latencyMillis;
    }

    boolean problemJson() {
        return problemJson;
    }

    /** Acknowledged: the client was told it happened. */
    boolean acknowledged() {
        return status >= 200 && status < 300;
    }

    /** Refused for certain: a 4xx says nothing was done. */
    boolean refused() {
        return status >= 400 && status < 500;
    }

    /** Its outcome is unknown to the client: a 5xx or no answer at all. */
    boolean indeterminate() {
        return status == 0 || status >= 500;
    }
}
