package org.fugong.registry.enterprise.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonFormat;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fugong.registry.enterprise.Enterprise;
import org.fugong.registry.enterprise.EnterpriseStatus;
import org.fugong.registry.enterprise.Industry;
import org.fugong.registry.enterprise.OrganisationKind;
import org.fugong.registry.enterprise.Ownership;
import org.fugong.registry.enterprise.PriorityTier;
import org.fugong.registry.enterprise.ResumptionStatus;
import org.fugong.registry.enterprise.SizeClass;

@Schema(name = "Enterprise", description = "An organisation as the caller may see it")
public record EnterpriseView(
        UUID id,
        OrganisationKind kind,
        String name,
        String uscc,
        String regionCode,
        Industry industry,
        Ownership ownership,
        int employees,
        @JsonFormat(shape = JsonFormat.Shape.STRING) @Schema(type = SchemaType.STRING, example = "48000000.00") BigDecimal annualRevenue,
        SizeClass sizeClass,
        PriorityTier priorityTier,
        boolean keyEnterprise,
        EnterpriseStatus status,
        String statusReason,
        ResumptionStatus resumptionStatus,
        ContactPerson contact,
        LatestReport latestReport,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    /** The figures of the most recent resumption report. */
    @Schema(name = "LatestResumptionFigures")
    public record LatestReport(LocalDate reportDate, Integer employeesTotal, Integer employeesReturned,
            @JsonFormat(shape = JsonFormat.Shape.STRING) @Schema(type = SchemaType.STRING, example = "85.50") BigDecimal capacityUtilisation) {
    }

    public static EnterpriseView of(Enterprise e, boolean fullContact) {
        ContactPerson contact = e.contactName == null ? null : new ContactPerson(e.contactName, e.contactPhone);
        LatestReport latest = e.latestReportDate == null ? null
                : new LatestReport(e.latestReportDate, e.latestEmployeesTotal, e.latestEmployeesReturned,
                        e.latestCapacityUtilisation);
        return new EnterpriseView(e.id, e.kind, e.name, e.uscc, e.regionCode, e.industry, e.ownership, e.employees,
                e.annualRevenue.setScale(2), e.sizeClass, e.priorityTier, e.keyEnterprise, e.status, e.statusReason,
                e.resumptionStatus, contact == null || fullContact ? contact : contact.masked(), latest, e.createdAt,
                e.updatedAt, e.version);
    }
}
