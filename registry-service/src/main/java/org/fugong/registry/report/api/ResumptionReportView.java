package org.fugong.registry.report.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonFormat;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fugong.registry.enterprise.ResumptionStatus;
import org.fugong.registry.report.ResumptionReport;

@Schema(name = "ResumptionReport")
public record ResumptionReportView(UUID id, UUID enterpriseId, LocalDate reportDate, int employeesTotal,
        int employeesReturned,
        @JsonFormat(shape = JsonFormat.Shape.STRING) @Schema(type = SchemaType.STRING, example = "85.50") BigDecimal capacityUtilisation,
        boolean measuresInPlace, ResumptionStatus resumptionStatus, Instant submittedAt) {

    public static ResumptionReportView of(ResumptionReport r) {
        return new ResumptionReportView(r.id, r.enterpriseId, r.reportDate, r.employeesTotal, r.employeesReturned,
                r.capacityUtilisation.setScale(2), r.measuresInPlace, r.resumptionStatus, r.submittedAt);
    }
}
