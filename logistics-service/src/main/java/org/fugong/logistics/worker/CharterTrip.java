package org.fugong.logistics.worker;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
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
 * A point-to-point bus bringing employees back: one origin county, one destination county, one
 * date. Its life is PLANNED → DISPATCHED → ARRIVED, or CANCELLED before it arrives; each step is a
 * method here that answers 409 when the trip is not in the state it needs. Seats are counted in
 * {@link #passengers}, changed only under the trip's row lock.
 */
@Entity
@Table(name = "charter_trip")
public class CharterTrip extends PanacheEntityBase {
    @Id
    public UUID id;
    /** The enterprise that planned it for its own requests; null when an authority planned it. */
    public UUID enterpriseId;
    public String plannedBy;
    public String plate;
    public int seats;
    public int passengers;
    public LocalDate travelDate;
    public String origin;
    public String destination;
    /** GB/T 2260 codes passed through, comma-separated; empty for none. */
    public String via;
    public String driverName;
    public String driverPhone;
    public String driverIdNumber;
    @Enumerated(EnumType.STRING)
    public TripStatus status;
    public UUID passId;
    public Instant dispatchedAt;
    public Instant arrivedAt;
    public Instant cancelledAt;
    public String cancellationReason;
    public Instant createdAt;
    public Instant updatedAt;
    @Version
    public long version;

    public List<String> viaCodes() {
        return via == null || via.isEmpty() ? List.of() : List.of(via.split(","));
    }

    /** The most passengers it may carry under a fill cap of {@code percent} % of its seats. */
    public int maxPassengers(int percent) {
        return SeatCap.maxPassengers(seats, percent);
    }

    /**
     * Takes a request on board: the trip is PLANNED, the request waits for a trip, both share
     * origin, destination and date, and its passengers fit under the cap. Call with the trip's row
     * locked, so that two assignments racing for the last seats cannot both see them free.
     */
    public void assign(WorkerTransportRequest request, int percent, Instant now) {
        requireStatus(TripStatus.PLANNED, "requests are assigned only to a PLANNED trip");
        if (!origin.equals(request.origin)) {
            throw ProblemException.conflict("origin_region", "the request comes from " + request.origin
                    + ", the trip from " + origin);
        }
        if (!destination.equals(request.destination)) {
            throw ProblemException.conflict("destination_region", "the request goes to " + request.destination
                    + ", the trip to " + destination);
        }
        if (!travelDate.equals(request.travelDate)) {
            throw ProblemException.conflict("travel_date", "the request travels on " + request.travelDate
                    + ", the trip on " + travelDate);
        }
        if (!SeatCap.fits(seats, percent, passengers, request.passengers)) {
            throw ProblemException.conflict("request_id", "its " + request.passengers + " passengers would fill "
                    + (passengers + request.passengers) + " of " + seats + " seats; at most "
                    + maxPassengers(percent) + " (" + percent + " %) may be filled and " + passengers
                    + " are taken");
        }
        request.assignTo(id, now);
        passengers += request.passengers;
        updatedAt = now;
    }

    /**
     * Closes the manifest and sends the trip on its way; the service then applies for its pass. A
     * trip without passengers, or one whose date has passed, is not dispatched.
     */
    public void dispatch(LocalDate today, Instant now) {
        requireStatus(TripStatus.PLANNED, "only a PLANNED trip is dispatched");
        if (passengers == 0) {
            throw ProblemException.conflict("The trip has no passengers: assign requests before dispatching it");
        }
        if (travelDate.isBefore(today)) {
            throw ProblemException.conflict("travel_date", "the trip's date " + travelDate
                    + " has passed; cancel it and plan another");
        }
        status = TripStatus.DISPATCHED;
        dispatchedAt = now;
        updatedAt = now;
    }

    /** The RETURNING_WORKERS pass applied for at dispatch, once. */
    public void carryPass(UUID pass) {
        if (status != TripStatus.DISPATCHED || passId != null) {
            throw new IllegalStateException("only a dispatched trip without a pass gets one");
        }
        passId = pass;
    }

    /** The bus is at its destination; its requests arrive with it. */
    public void arrive(List<WorkerTransportRequest> onBoard, Instant now) {
        requireStatus(TripStatus.DISPATCHED, "only a DISPATCHED trip arrives");
        onBoard.forEach(r -> r.arrive(now));
        status = TripStatus.ARRIVED;
        arrivedAt = now;
        updatedAt = now;
    }

    /** Called off before it arrived: its requests wait for another trip and its seats are free again. */
    public void cancel(String reason, List<WorkerTransportRequest> onBoard, Instant now) {
        if (status != TripStatus.PLANNED && status != TripStatus.DISPATCHED) {
            throw ProblemException.conflict("The trip is " + status + "; only a PLANNED or DISPATCHED trip is cancelled");
        }
        onBoard.forEach(r -> r.release(now));
        passengers = 0;
        status = TripStatus.CANCELLED;
        cancellationReason = reason;
        cancelledAt = now;
        updatedAt = now;
    }

    private void requireStatus(TripStatus wanted, String rule) {
        if (status != wanted) {
            throw ProblemException.conflict("The trip is " + status + "; " + rule);
        }
    }
}
