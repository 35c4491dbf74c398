package org.fugong.registry.health.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Reporting compliance for one day, as DHIS2 computes it: reporting rate = received / expected,
 * on-time rate = received by the deadline / expected, both in percent.
 */
@Schema(name = "HealthReportCompliance")
public record ComplianceView(LocalDate date, String region, long expected, long received, long onTime,
        @JsonFormat(shape = JsonFormat.Shape.STRING) @Schema(type = SchemaType.STRING, example = "92.5") BigDecimal reportingRate,
        @JsonFormat(shape = JsonFormat.Shape.STRING) @Schema(type = SchemaType.STRING, example = "80.0") BigDecimal onTimeRate,
        @Schema(description = "Organisations expected to report that have not, in id order; page on with missing_cursor") List<Missing> missing,
        @JsonInclude(JsonInclude.Include.NON_NULL) String missingCursor) {

    @Schema(name = "MissingHealthReport")
    public record Missing(UUID enterpriseId, String name, String regionCode) {
    }
}
