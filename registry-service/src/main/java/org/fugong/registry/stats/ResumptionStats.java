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

    @Schema(name = "ResumptionStatisticsGroup")
    public record Group(
            @Schema(description = "Region code, industry or tier", example = "420100") String key,
            @Schema(description = "Region name when grouped by region", example = "武汉市") String name,
            long enterprises,
            @Schema(description = "Enterprises per resumption status") Map<String, Long> byStatus,
            @JsonFormat(shape = JsonFormat.Shape.STRING)
            @Schema(type = SchemaType.STRING, description = "Share (%) of enterprises operating: RESUMING or RESUMED", example = "63.4") BigDecimal operatingRate,
            @JsonFormat(shape = JsonFormat.Shape.STRING)
            @Schema(type = SchemaType.STRING, description = "Share (%) of enterprises fully RESUMED", example = "41.0") BigDecimal resumedRate,
            long employeesTotal,
            long employeesReturned,
            @JsonFormat(shape = JsonFormat.Shape.STRING)
            @Schema(type = SchemaType.STRING, description = "Returned employees as % of total, from the latest reports", example = "78.2") BigDecimal employeeReturnRate,
            @JsonFormat(shape = JsonFormat.Shape.STRING)
            @Schema(type = SchemaType.STRING, description = "Mean capacity utilisation (%) of reporting enterprises", example = "66.7") BigDecimal meanCapacityUtilisation) {
    }
}
