package org.fugong.supply.offer;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.fugong.platform.outbox.OutboxWriter;

/** What supply publishes about offers on {@code supply.offers}: the offer's full state after the change. */
@ApplicationScoped
public class OfferEvents {

    public static final String TOPIC = "supply.offers";
    public static final String AGGREGATE = "offer";
    public static final String PUBLISHED = "fugong.supply.offer.published";
    /** Allocated, given back, expired: any change but publication and withdrawal. */
    public static final String UPDATED = "fugong.supply.offer.updated";
    public static final String WITHDRAWN = "fugong.supply.offer.withdrawn";

    public record State(UUID id, UUID supplierId, String itemCode, long quantity, long allocated, long free,
            String originRegion, String certificateStandard, String certificateNumber, LocalDate certificateValidUntil,
            String lot, LocalDate expiryDate, OfferStatus status, long version, Instant updatedAt) {
        static State of(SupplyOffer o) {
            return new State(o.id, o.supplierId, o.itemCode, o.quantity, o.allocated, o.free(), o.originRegion,
                    o.certificateStandard, o.certificateNumber, o.certificateValidUntil, o.lot, o.expiryDate, o.status,
                    o.version, o.updatedAt);
        }
    }

    public record Payload(State offer) {
    }

    @Inject
    OutboxWriter outbox;

    public void published(SupplyOffer o) {
        publish(o, PUBLISHED);
    }

    public void updated(SupplyOffer o) {
        publish(o, UPDATED);
    }

    public void withdrawn(SupplyOffer o) {
        publish(o, WITHDRAWN);
    }

    private void publish(SupplyOffer o, String type) {
        outbox.append(TOPIC, AGGREGATE, o.id.toString(), type, new Payload(State.of(o)));
    }
}
