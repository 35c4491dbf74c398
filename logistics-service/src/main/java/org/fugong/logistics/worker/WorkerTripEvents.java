package org.fugong.logistics.worker;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.fugong.platform.outbox.OutboxWriter;

/**
 * What logistics publishes about charter trips on {@code logistics.worker-trips}: the destination
 * region learns who arrives when — in counts only (passengers, per origin county, per enterprise).
 * Never a name, an ID number or a phone, of passengers or of the driver.
 */
@ApplicationScoped
public class WorkerTripEvents {

    public static final String TOPIC = "logistics.worker-trips";
    public static final String AGGREGATE = "worker-trip";
    /** A trip was planned (no passengers yet). */
    public static final String PLANNED = "fugong.logistics.worker-trip.planned";
    /** A request's passengers were put on a planned trip. */
    public static final String PASSENGERS_ASSIGNED = "fugong.logistics.worker-trip.passengers-assigned";
    /** The manifest was closed and the trip sent on its way; its pass was applied for. */
    public static final String DISPATCHED = "fugong.logistics.worker-trip.dispatched";
    /** The trip arrived at its destination. */
    public static final String ARRIVED = "fugong.logistics.worker-trip.arrived";
    /** The trip was called off; its requests wait for another. */
    public static final String CANCELLED = "fugong.logistics.worker-trip.cancelled";

    public record OriginCount(String originRegion, int passengers) {
    }

    public record EnterpriseCount(UUID enterpriseId, int passengers) {
    }

    public record State(UUID id, UUID enterpriseId, String plate, int seats, int maxPassengers, int passengers,
            int requests, LocalDate travelDate, String originRegion, String destinationRegion, List<String> via,
            TripStatus status, List<OriginCount> passengersByOrigin, List<EnterpriseCount> passengersByEnterprise,
            String passNumber, Instant dispatchedAt, Instant arrivedAt, Instant cancelledAt, String cancellationReason,
            long version, Instant updatedAt) {
    }

    public record Payload(State trip) {
    }

    /** The assigned request, by id and counts. */
    public record Assignment(State trip, UUID requestId, UUID enterpriseId, int passengers) {
    }

    @Inject
    OutboxWriter outbox;

    public void planned(State trip) {
        outbox.append(TOPIC, AGGREGATE, trip.id().toString(), PLANNED, new Payload(trip));
    }

    public void passengersAssigned(State trip, WorkerTransportRequest request) {
        outbox.append(TOPIC, AGGREGATE, trip.id().toString(), PASSENGERS_ASSIGNED,
                new Assignment(trip, request.id, request.enterpriseId, request.passengers));
    }

    public void dispatched(State trip) {
        outbox.append(TOPIC, AGGREGATE, trip.id().toString(), DISPATCHED, new Payload(trip));
    }

    public void arrived(State trip) {
        outbox.append(TOPIC, AGGREGATE, trip.id().toString(), ARRIVED, new Payload(trip));
    }

    public void cancelled(State trip) {
        outbox.append(TOPIC, AGGREGATE, trip.id().toString(), CANCELLED, new Payload(trip));
    }
}
