package org.fugong.supply.request.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fugong.supply.allocation.Urgency;
import org.fugong.supply.request.RequestStatus;
import org.fugong.supply.request.SupplyRequest;

@Schema(name = "SupplyRequest")
public record RequestView(UUID id, UUID requesterOrgId, String itemCode, long quantity, long allocated, long delivered,
        Urgency urgency, Integer daysOfSupplyLeft, String deliveryRegion, LocalDate neededBy, RequestStatus status,
        Instant createdAt, long version) {

    public static RequestView of(SupplyRequest r) {
        return new RequestView(r.id, r.requesterOrgId, r.itemCode, r.quantity, r.allocated, r.delivered, r.urgency,
                r.daysOfSupplyLeft, r.deliveryRegion, r.neededBy, r.status, r.createdAt, r.version);
    }
}
