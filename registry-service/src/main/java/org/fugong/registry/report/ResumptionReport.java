package org.fugong.registry.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.fugong.platform.ids.UuidV7;
import org.fugong.platform.problem.ProblemException;
import org.fugong.registry.enterprise.Enterprise;
import org.fugong.registry.enterprise.ResumptionStatus;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.hibernate.orm.panache.PanacheQuery;

/** Periodic resumption figures of one enterprise. */
@Entity
@Table(name = "resumption_report")
public class ResumptionReport extends PanacheEntityBase {
    @Id
    public UUID id;
    public UUID enterpriseId;
    public LocalDate reportDate;
    public int employeesTotal;
    public int employeesReturned;
    public BigDecimal capacityUtilisation;
    public boolean measuresInPlace;
    /** The status this report moved the enterprise to. */
    @Enumerated(EnumType.STRING)
    public ResumptionStatus resumptionStatus;
    public Instant submittedAt;

    /** One of the organisation's resumption reports, or 404: another organisation's looks like none. */
    public static ResumptionReport ofEnterprise(UUID enterpriseId, UUID id) {
        return ResumptionReport.<ResumptionReport>find("id = ?1 and enterpriseId = ?2", id, enterpriseId).firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("Resumption report " + id));
    }

    /** Up to {@code limit + 1} of the organisation's resumption reports after {@code after} (null: from the first), in id order. */
    public static List<ResumptionReport> page(UUID enterpriseId, UUID after, int limit) {
        PanacheQuery<ResumptionReport> query = after == null
                ? find("enterpriseId = ?1 order by id", enterpriseId)
                : find("enterpriseId = ?1 and id > ?2 order by id", enterpriseId, after);
        return query.range(0, limit).list();
    }

    /** The report as submitted, after the organisation took it: it keeps the status the organisation is in now. */
    public static ResumptionReport of(Enterprise e, LocalDate reportDate, int employeesTotal, int employeesReturned,
            BigDecimal capacityUtilisation, boolean measuresInPlace, Instant at) {
        ResumptionReport r = new ResumptionReport();
        r.id = UuidV7.next();
        r.enterpriseId = e.id;
        r.reportDate = reportDate;
        r.employeesTotal = employeesTotal;
        r.employeesReturned = employeesReturned;
        r.capacityUtilisation = capacityUtilisation;
        r.measuresInPlace = measuresInPlace;
        r.resumptionStatus = e.resumptionStatus;
        r.submittedAt = at;
        return r;
    }
}
