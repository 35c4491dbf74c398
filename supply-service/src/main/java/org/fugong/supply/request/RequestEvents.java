package org.fugong.supply.request;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.fugong.platform.outbox.OutboxWriter;
import org.fugong.supply.allocation.Urgency;

/** What supply publishes about requests on {@code supply.requests}: the request's full state after the change. */
@ApplicationScoped
public class RequestEvents {

    public static final String TOPIC = "supply.requests";
    public static final String AGGREGATE = "request";
    public static final String SUBMITTED = "fugong.supply.request.submitted";
    /** Allocated, given back, delivered: any change but submission and cancellation. */
    public static final String UPDATED = "fugong.supply.request.updated";
    public static final String CANCELLED = "fugong.supply.request.cancelled";

    public record State(UUID id, UUID requesterOrgId, String itemCode, long quantity, long allocated,
            long delivered, Urgency urgency, Integer daysOfSupplyLeft, String deliveryRegion, LocalDate neededBy,
            RequestStatus status, long version, Instant updatedAt) {
        static State of(SupplyRequest r) {
            return new State(r.id, r.requesterOrgId, r.itemCode, r.quantity, r.allocated, r.delivered,
                    r.urgency, r.daysOfSupplyLeft, r.deliveryRegion, r.neededBy, r.status, r.version, r.updatedAt);
        }
    }

    public record Payload(State request) {
    }

    @Inject
    OutboxWriter outbox;

    public void submitted(SupplyRequest r) {
        publish(r, SUBMITTED);
    }

    public void updated(SupplyRequest r) {
        publish(r, UPDATED);
    }

    public void cancelled(SupplyRequest r) {
        publish(r, CANCELLED);
    }

    private void publish(SupplyRequest r, String type) {
        outbox.append(TOPIC, AGGREGATE, r.id.toString(), type, new Payload(State.of(r)));
    }
}
