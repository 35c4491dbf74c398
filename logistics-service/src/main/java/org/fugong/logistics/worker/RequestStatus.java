package org.fugong.logistics.worker;

/** A worker transport request waits for a trip, rides on one, and arrives with it. */
public enum RequestStatus {
    /** Waiting for a charter trip (again, when its trip was cancelled). */
    SUBMITTED,
    /** On a charter trip that has not arrived yet. */
    ASSIGNED,
    /** Its trip arrived. */
    ARRIVED
}
