package org.fugong.supply.allocation.api;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fugong.supply.allocation.Allocation;
import org.fugong.supply.allocation.AllocationStatus;
import org.fugong.supply.allocation.Nearness;
import org.fugong.supply.catalogue.Category;

@Schema(name = "Allocation")
public record AllocationView(UUID id, UUID requestId, UUID offerId, UUID supplierId, String itemCode,
        Category itemCategory,
        @Schema(description = "Where the goods leave from: the offer's origin region") String originRegion,
        @Schema(description = "Where they go: the request's delivery region") String destinationRegion,
        @Schema(description = "The requesting institution; absent when an authority requested") UUID requesterOrgId,
        long quantity,
        Long delivered, AllocationStatus status,
        @Schema(description = "The request's place in the run's serving order") int requestRank,
        Nearness nearness,
        @Schema(description = "Whether the equity cap limited this allocation") boolean capped,
        @Schema(description = "Which rules placed it, in words") String rule, UUID runId, Instant createdAt,
        Instant updatedAt, long version) {

    public static AllocationView of(Allocation a) {
        return new AllocationView(a.id, a.requestId, a.offerId, a.supplierId, a.itemCode, a.itemCategory,
                a.originRegion, a.destinationRegion, a.requesterOrgId, a.quantity, a.delivered,
                a.status, a.requestRank, a.nearness, a.capped, a.rule, a.runId, a.createdAt, a.updatedAt, a.version);
    }
}
