package org.fugong.supply.allocation;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.fugong.platform.outbox.OutboxWriter;
import org.fugong.supply.catalogue.Category;

/**
 * What supply publishes about allocations on {@code supply.allocations}: one type per transition,
 * each carrying the allocation's full state after it.
 */
@ApplicationScoped
public class AllocationEvents {

    public static final String TOPIC = "supply.allocations";
    public static final String AGGREGATE = "allocation";
    public static final String PROPOSED = "fugong.supply.allocation.proposed";
    public static final String CONFIRMED = "fugong.supply.allocation.confirmed";
    public static final String DECLINED = "fugong.supply.allocation.declined";
    public static final String IN_TRANSIT = "fugong.supply.allocation.in-transit";
    public static final String DELIVERED = "fugong.supply.allocation.delivered";
    public static final String CANCELLED = "fugong.supply.allocation.cancelled";

    /**
     * The allocation after the change. {@code originRegion} (the offer's), {@code destinationRegion}
     * (the request's delivery region), {@code requesterOrgId} (the requesting institution, absent
     * when an authority asked) and {@code itemCategory} are what logistics plans a shipment from;
     * they were added later as optional properties, so consumers written before them still read
     * every event.
     */
    public record State(UUID id, UUID requestId, UUID offerId, UUID supplierId, String itemCode,
            Category itemCategory, String originRegion, String destinationRegion, UUID requesterOrgId,
            long quantity, Long delivered, AllocationStatus status, int requestRank, Nearness nearness, boolean capped,
            String rule, UUID runId, long version, Instant updatedAt) {
        static State of(Allocation a) {
            return new State(a.id, a.requestId, a.offerId, a.supplierId, a.itemCode, a.itemCategory, a.originRegion,
                    a.destinationRegion, a.requesterOrgId, a.quantity, a.delivered, a.status, a.requestRank, a.nearness,
                    a.capped, a.rule, a.runId, a.version, a.updatedAt);
        }
    }

    public record Payload(State allocation) {
    }

    @Inject
    OutboxWriter outbox;

    public void proposed(Allocation a) {
        publish(a, PROPOSED);
    }

    public void confirmed(Allocation a) {
        publish(a, CONFIRMED);
    }

    public void declined(Allocation a) {
        publish(a, DECLINED);
    }

    public void inTransit(Allocation a) {
        publish(a, IN_TRANSIT);
    }

    public void delivered(Allocation a) {
        publish(a, DELIVERED);
    }

    public void cancelled(Allocation a) {
        publish(a, CANCELLED);
    }

    private void publish(Allocation a, String type) {
        outbox.append(TOPIC, AGGREGATE, a.id.toString(), type, new Payload(State.of(a)));
    }
}
