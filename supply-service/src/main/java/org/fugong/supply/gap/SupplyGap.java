package org.fugong.supply.gap;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonFormat;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Demand against supply for one item, in a region or everywhere. */
@Schema(name = "SupplyGap")
public record SupplyGap(String itemCode, @Schema(description = "GB/T 2260 prefix of delivery regions; absent for all") String region,
        @Schema(description = "Requested and not yet allocated") long openDemand,
        @Schema(description = "Offered, eligible and not yet allocated, anywhere") long freeSupply,
        @Schema(description = "open_demand - free_supply, at least 0") long gap,
        @Schema(description = "CRITICAL requests still waiting for some of their quantity") long criticalRequestsWaiting,
        @Schema(description = "Declared daily production of the item") long dailyCapacity,
        @JsonFormat(shape = JsonFormat.Shape.STRING)
        @Schema(type = SchemaType.STRING, description = "gap / daily capacity, one decimal; absent when there is no capacity")
        BigDecimal daysToCover) {
}
