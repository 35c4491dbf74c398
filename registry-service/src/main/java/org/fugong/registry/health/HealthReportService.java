package org.fugong.registry.health;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.fugong.platform.paging.Cursor;
import org.fugong.platform.paging.Page;
import org.fugong.platform.problem.ProblemException;
import org.fugong.platform.security.Caller;
import org.fugong.platform.security.RegionScope;
import org.fugong.registry.config.RegistryConfig;
import org.fugong.registry.enterprise.Enterprise;
import org.fugong.registry.enterprise.EnterpriseAccess;
import org.fugong.registry.enterprise.EnterpriseEvents;
import org.fugong.registry.enterprise.EnterpriseService;
import org.fugong.registry.health.api.ComplianceView;
import org.fugong.registry.health.api.HealthFigures;
import org.fugong.registry.health.api.HealthReportView;
import org.fugong.registry.sql.NativeSql;
import org.fugong.registry.stats.StatsService;

/**
 * The zero-report system: every organisation that has resumed work reports daily, zero cases
 * included; a missing day is not a zero. Confirmed or enough suspected cases raise an outbreak alert.
 */
@ApplicationScoped
public class HealthReportService {

    /**
     * Who had to report for a day, by their state at that day's end (from the status history, so a
     * suspension or a resumption since does not rewrite the past): active enterprises back at work, and
     * active health institutions, which are always at work; registered by then, in the region as it was.
     */
    static final String EXPECTED = """
            WITH expected AS (
                SELECT e.id, e.name, h.region_code
                FROM enterprise_status_history h JOIN enterprise e ON e.id = h.enterprise_id
                WHERE h.region_code LIKE :region
                  AND h.valid_from < :day_end AND (h.valid_to IS NULL OR h.valid_to >= :day_end)
                  AND h.status = 'ACTIVE'
                  AND (e.kind = 'HEALTH_INSTITUTION'
                       OR (e.kind = 'ENTERPRISE' AND h.resumption_status IN ('RESUMING', 'RESUMED'))))
            """;

    @Inject
    EnterpriseService enterprises;

    @Inject
    EnterpriseAccess access;

    @Inject
    EnterpriseEvents events;

    @Inject
    RegistryConfig config;

    public record Saved(HealthReport report, boolean created) {
    }

    @Transactional
    public Saved put(Caller caller, UUID enterpriseId, LocalDate date, HealthFigures figures) {
        Enterprise e = enterprises.forUpdate(caller, enterpriseId);
        access.requireOwner(caller, e);
        if (date.isAfter(LocalDate.now(config.zone()))) {
            throw ProblemException.invalid("date", "cannot be in the future");
        }
        e.requireActive();
        Instant now = Instant.now();
        HealthReport earlier = HealthReport.findById(new HealthReport.Key(enterpriseId, date));
        boolean created = earlier == null;
        HealthReport r = created ? HealthReport.firstOfDay(enterpriseId, date, now) : earlier;
        r.report(figures.confirmed(), figures.suspected(), figures.fever(), figures.closeContacts(),
                config.suspectedAlertThreshold(), now).ifPresent(rule -> events.outbreakAlerted(e, date, r.confirmed,
                        r.suspected, r.fever, r.closeContacts, rule));
        if (created) {
            r.persist();
        }
        HealthReport.flush();
        return new Saved(r, created);
    }

    public HealthReport get(Caller caller, UUID enterpriseId, LocalDate date) {
        enterprises.visible(caller, enterpriseId);
        HealthReport r = HealthReport.findById(new HealthReport.Key(enterpriseId, date));
        if (r == null) {
            throw ProblemException.notFound("Health report of " + date);
        }
        return r;
    }

    public Page<HealthReportView> list(Caller caller, UUID enterpriseId, String cursor, int limit) {
        enterprises.visible(caller, enterpriseId);
        String after = Cursor.decode(cursor);
        List<HealthReport> rows = after == null
                ? HealthReport.<HealthReport>find("enterpriseId = ?1 order by reportDate desc", enterpriseId)
                        .range(0, limit).list()
                : HealthReport.<HealthReport>find("enterpriseId = ?1 and reportDate < ?2 order by reportDate desc",
                        enterpriseId, parseDate(after)).range(0, limit).list();
        return Page.of(rows, limit, HealthReportView::of, r -> r.reportDate.toString());
    }

    /** Expected, received, on time and missing for one day in a region the caller covers; null region: the whole country. */
    public ComplianceView compliance(Caller caller, LocalDate date, String region, String cursor, int limit) {
        String prefix = region == null ? "" : RegionScope.prefixOf(region);
        ZonedDateTime dayEnd = date.plusDays(1).atStartOfDay(config.zone());
        Instant deadline = date.atStartOfDay(config.zone()).plus(config.healthReportDeadline()).toInstant();
        Object[] counts = (Object[]) NativeSql.query(EXPECTED + """
                SELECT count(*),
                       count(r.enterprise_id),
                       count(r.enterprise_id) FILTER (WHERE r.first_submitted_at <= :deadline)
                FROM expected x LEFT JOIN health_report r ON r.enterprise_id = x.id AND r.report_date = :date""")
                .setParameter("region", prefix + "%")
                .setParameter("day_end", dayEnd.toInstant())
                .setParameter("date", date)
                .setParameter("deadline", deadline)
                .getSingleResult();
        long expected = ((Number) counts[0]).longValue();
        long received = ((Number) counts[1]).longValue();
        long onTime = ((Number) counts[2]).longValue();
        UUID after = Cursor.decodeUuid(cursor);
        @SuppressWarnings("unchecked")
        List<Object[]> missingRows = NativeSql.query(EXPECTED + """
                SELECT x.id, x.name, x.region_code FROM expected x
                WHERE x.id > :after
                  AND NOT EXISTS (SELECT 1 FROM health_report r WHERE r.enterprise_id = x.id AND r.report_date = :date)
                ORDER BY x.id LIMIT :limit""")
                .setParameter("region", prefix + "%")
                .setParameter("day_end", dayEnd.toInstant())
                .setParameter("date", date)
                .setParameter("after", after == null ? new UUID(0, 0) : after)
                .setParameter("limit", limit + 1)
                .getResultList();
        Page<ComplianceView.Missing> missing = Page.of(missingRows, limit,
                row -> new ComplianceView.Missing((UUID) row[0], (String) row[1], (String) row[2]),
                row -> row[0].toString());
        return new ComplianceView(date, region, expected, received, onTime, StatsService.percent(received, expected),
                StatsService.percent(onTime, expected), missing.items(), missing.nextCursor());
    }

    private static LocalDate parseDate(String key) {
        try {
            return LocalDate.parse(key);
        } catch (RuntimeException e) {
            throw ProblemException.invalid("cursor", "is not a cursor from a previous page");
        }
    }
}
