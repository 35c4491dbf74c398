package org.fugong.logistics.checkpoint;

/** The one answer a scan gives; {@link ScanVerdict} decides which, in this order of precedence. */
public enum ScanResult {
    FORGED, UNKNOWN, REVOKED, EXPIRED, NOT_YET_VALID, WRONG_VEHICLE, OFF_ROUTE, VALID
}
