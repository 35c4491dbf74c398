package org.fugong.logistics.worker;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.fugong.platform.problem.ProblemException;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * An enterprise's request to bring its employees back from one county on one date to its own
 * county; its manifest is the {@link Passenger}s. It rides on one charter trip as a whole.
 */
@Entity
@Table(name = "worker_transport_request")
public class WorkerTransportRequest extends PanacheEntityBase {
    @Id
    public UUID id;
    public UUID enterpriseId;
    public String origin;
    /** The enterprise's county in the registry's read model when the request was made. */
    public String destination;
    public LocalDate travelDate;
    /** How many people the manifest lists: the seats the request takes on a trip. */
    public int passengers;
    @Enumerated(EnumType.STRING)
    public RequestStatus status;
    public UUID tripId;
    public Instant assignedAt;
    public Instant createdAt;
    public Instant updatedAt;
    @Version
    public long version;

    /** Put on a trip; 409 unless it is waiting for one. */
    void assignTo(UUID trip, Instant now) {
        if (status != RequestStatus.SUBMITTED) {
            throw ProblemException.conflict("request_id", "the request is " + status
                    + (tripId == null ? "" : " on trip " + tripId) + "; only a SUBMITTED request is assigned");
        }
        tripId = trip;
        status = RequestStatus.ASSIGNED;
        assignedAt = now;
        updatedAt = now;
    }

    /** Its trip was cancelled: it waits for another. */
    void release(Instant now) {
        if (status != RequestStatus.ASSIGNED) {
            throw new IllegalStateException("only an assigned request is released, not a " + status + " one");
        }
        tripId = null;
        status = RequestStatus.SUBMITTED;
        assignedAt = null;
        updatedAt = now;
    }

    /** Its trip arrived. */
    void arrive(Instant now) {
        if (status != RequestStatus.ASSIGNED) {
            throw new IllegalStateException("only an assigned request arrives, not a " + status + " one");
        }
        status = RequestStatus.ARRIVED;
        updatedAt = now;
    }
}
