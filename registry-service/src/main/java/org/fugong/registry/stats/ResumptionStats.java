package org.fugong.registry.stats;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonFormat;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The MIIT headline figures of resumption, by group and in total. */
@Schema(name = "ResumptionStatistics")
public record ResumptionStats(String groupBy, String region, List<Group> groups, Group total) {

    @Schema(name = "ResumptionStatisticsGroup", description = "For callers other than administrators and authorities "
            + "covering the region, a group of fewer than 3 organisations (and, when needed, the next smallest so the "
            + "total does not give it away) shows its count only: suppressed is true and the figures are absent")
    public record Group(
            @Schema(description = "Region code, industry or tier", example = "420100") String key,
            @Schema(description = "Region name when grouped by region", example = "武汉市") String name,
            long enterprises,
            @Schema(description = "Whether the figures are withheld because the group is too small to publish") boolean suppressed,
            @Schema(description = "Enterprises per resumption status") Map<String, Long> byStatus,
            @JsonFormat(shape = JsonFormat.Shape.STRING)
            @Schema(type = SchemaType.STRING, description = "Share (%) of enterprises operating: RESUMING or RESUMED", example = "63.4") BigDecimal operatingRate,
            @JsonFormat(shape = JsonFormat.Shape.STRING)
            @Schema(type = SchemaType.STRING, description = "Share (%) of enterprises fully RESUMED", example = "41.0") BigDecimal resumedRate,
            @Schema(description = "Employees in the latest reports of active enterprises at work (RESUMING or RESUMED)") Long employeesTotal,
            @Schema(description = "Returned employees in the same reports") Long employeesReturned,
            @JsonFormat(shape = JsonFormat.Shape.STRING)
            @Schema(type = SchemaType.STRING, description = "employees_returned as % of employees_total", example = "78.2") BigDecimal employeeReturnRate,
            @JsonFormat(shape = JsonFormat.Shape.STRING)
            @Schema(type = SchemaType.STRING, description = "Unweighted mean capacity utilisation (%) in the latest reports of "
                    + "active enterprises at work", example = "66.7") BigDecimal meanCapacityUtilisation) {

        /** The same group with its count only. */
        Group withCountOnly() {
            return new Group(key, name, enterprises, true, null, null, null, null, null, null, null);
        }
    }
}
