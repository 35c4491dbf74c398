package org.fugong.registry.health.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fugong.registry.health.HealthReport;

@Schema(name = "HealthReport")
public record HealthReportView(UUID enterpriseId, LocalDate reportDate, int confirmed, int suspected, int fever,
        int closeContacts, boolean alerted, Instant firstSubmittedAt, Instant updatedAt, long version) {

    public static HealthReportView of(HealthReport r) {
        return new HealthReportView(r.enterpriseId, r.reportDate, r.confirmed, r.suspected, r.fever, r.closeContacts,
                r.alerted, r.firstSubmittedAt, r.updatedAt, r.version);
    }
}
