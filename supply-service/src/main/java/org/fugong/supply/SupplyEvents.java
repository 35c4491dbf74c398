package org.fugong.supply;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.fugong.platform.outbox.OutboxWriter;
import org.fugong.supply.allocation.Allocation;
import org.fugong.supply.allocation.AllocationStatus;
import org.fugong.supply.allocation.Nearness;
import org.fugong.supply.allocation.Urgency;
import org.fugong.supply.offer.OfferStatus;
import org.fugong.supply.offer.SupplyOffer;
import org.fugong.supply.request.RequestStatus;
import org.fugong.supply.request.SupplyRequest;

/** What supply publishes: every payload is the aggregate's full state after the change. */
@ApplicationScoped
public class SupplyEvents {

    public static final String OFFERS = "supply.offers";
    public static final String REQUESTS = "supply.requests";
    public static final String ALLOCATIONS = "supply.allocations";

    public record OfferState(UUID id, UUID supplierId, String itemCode, long quantity, long allocated, long free,
            String originRegion, String certificateStandard, String certificateNumber, LocalDate certificateValidUntil,
            String lot, LocalDate expiryDate, OfferStatus status, long version, Instant updatedAt) {
        static OfferState of(SupplyOffer o) {
            return new OfferState(o.id, o.supplierId, o.itemCode, o.quantity, o.allocated, o.free(), o.originRegion,
                    o.certificateStandard, o.certificateNumber, o.certificateValidUntil, o.lot, o.expiryDate, o.status,
                    o.version, o.updatedAt);
        }
    }

    public record RequestState(UUID id, UUID requesterOrgId, String itemCode, long quantity, long allocated,
            long delivered, Urgency urgency, Integer daysOfSupplyLeft, String deliveryRegion, LocalDate neededBy,
            RequestStatus status, long version, Instant updatedAt) {
        static RequestState of(SupplyRequest r) {
            return new RequestState(r.id, r.requesterOrgId, r.itemCode, r.quantity, r.allocated, r.delivered,
                    r.urgency, r.daysOfSupplyLeft, r.deliveryRegion, r.neededBy, r.status, r.version, r.updatedAt);
        }
    }

    public record AllocationState(UUID id, UUID requestId, UUID offerId, UUID supplierId, String itemCode,
            long quantity, Long delivered, AllocationStatus status, int requestRank, Nearness nearness, boolean capped,
            String rule, UUID runId, long version, Instant updatedAt) {
        static AllocationState of(Allocation a) {
            return new AllocationState(a.id, a.requestId, a.offerId, a.supplierId, a.itemCode, a.quantity, a.delivered,
                    a.status, a.requestRank, a.nearness, a.capped, a.rule, a.runId, a.version, a.updatedAt);
        }
    }

    public record OfferEvent(OfferState offer) {
    }

    public record RequestEvent(RequestState request) {
    }

    public record AllocationEvent(AllocationState allocation) {
    }

    @Inject
    OutboxWriter outbox;

    /** {@code verb}: published, updated, withdrawn. */
    public void offer(SupplyOffer o, String verb) {
        outbox.append(OFFERS, "offer", o.id.toString(), "fugong.supply.offer." + verb, new OfferEvent(OfferState.of(o)));
    }

    /** {@code verb}: submitted, updated, cancelled. */
    public void request(SupplyRequest r, String verb) {
        outbox.append(REQUESTS, "request", r.id.toString(), "fugong.supply.request." + verb,
                new RequestEvent(RequestState.of(r)));
    }

    /** {@code verb}: proposed, confirmed, declined, cancelled. */
    public void allocation(Allocation a, String verb) {
        outbox.append(ALLOCATIONS, "allocation", a.id.toString(), "fugong.supply.allocation." + verb,
                new AllocationEvent(AllocationState.of(a)));
    }
}
