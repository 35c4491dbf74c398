package org.fugong.finance.arrears;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.fugong.finance.arrears.api.ArrearsStatsView;
import org.fugong.finance.arrears.api.ArrearsStatsView.Amounts;
import org.fugong.finance.arrears.api.ArrearsStatsView.Group;
import org.fugong.finance.config.FinanceConfig;
import org.fugong.finance.db.NativeSql;
import org.fugong.platform.paging.Cursor;
import org.fugong.platform.problem.ProblemException;
import org.fugong.platform.security.Caller;
import org.fugong.platform.security.RegionScope;
import org.fugong.platform.security.Role;

/**
 * Outstanding arrears by how long they are overdue, for the authorities that watch their clearing:
 * per debtor or per county of the debtor, over the claims not yet settled whose debtor lies in the
 * caller's scope. Aggregated by PostgreSQL from the partial indexes of V6 (each holds what its
 * grouping needs), one page of groups at a time in key order; never loaded into Java row by row.
 * Days overdue count from the claim's due date to today in the finance zone.
 */
@ApplicationScoped
public class ArrearsStats {

    public enum GroupBy {
        DEBTOR, REGION
    }

    /** Sums over the claims of one group (or of all): outstanding, disputed, and the four ageing buckets. */
    static final String AMOUNTS = """
            count(*) AS claims, sum(c.outstanding) AS outstanding,
            coalesce(sum(c.outstanding) FILTER (WHERE c.status = 'DISPUTED'), 0) AS disputed,
            coalesce(sum(c.outstanding) FILTER (WHERE c.due_date >= :d30), 0) AS d0_30,
            coalesce(sum(c.outstanding) FILTER (WHERE c.due_date < :d30 AND c.due_date >= :d90), 0) AS d31_90,
            coalesce(sum(c.outstanding) FILTER (WHERE c.due_date < :d90 AND c.due_date >= :d180), 0) AS d91_180,
            coalesce(sum(c.outstanding) FILTER (WHERE c.due_date < :d180), 0) AS d_over_180""";

    static final String OPEN_IN_SCOPE = "c.status <> 'SETTLED' AND c.debtor_region_code LIKE :region";

    static final String BY_DEBTOR = """
            SELECT s.debtor_org_id, o.name, o.uscc, s.claims, s.outstanding, s.disputed, s.d0_30, s.d31_90, s.d91_180,
                   s.d_over_180
            FROM (SELECT c.debtor_org_id, %s
                  FROM arrears_claim c
                  WHERE %s AND c.debtor_org_id > :after
                  GROUP BY c.debtor_org_id ORDER BY c.debtor_org_id LIMIT :rows) s
            JOIN enterprise_view o ON o.id = s.debtor_org_id
            ORDER BY s.debtor_org_id""".formatted(AMOUNTS, OPEN_IN_SCOPE);

    static final String BY_REGION = """
            SELECT c.debtor_region_code, %s
            FROM arrears_claim c
            WHERE %s AND c.debtor_region_code > :after
            GROUP BY c.debtor_region_code ORDER BY c.debtor_region_code LIMIT :rows""".formatted(AMOUNTS, OPEN_IN_SCOPE);

    static final String TOTALS = "SELECT %s FROM arrears_claim c WHERE %s".formatted(AMOUNTS, OPEN_IN_SCOPE);

    @Inject
    NativeSql sql;

    @Inject
    FinanceConfig config;

    public ArrearsStatsView stats(Caller caller, GroupBy groupBy, String cursor, int limit) {
        String scope = scopeOf(caller);
        LocalDate today = LocalDate.now(config.zone());
        Map<String, Object> params = params(scope, today);
        Amounts totals = amounts(sql.rows(TOTALS, params).get(0), 0);
        String after = Cursor.decode(cursor);
        params.put("rows", limit + 1);
        List<Group> groups = new ArrayList<>();
        if (groupBy == GroupBy.DEBTOR) {
            params.put("after", after == null ? new UUID(0, 0) : uuid(after));
            for (Object[] row : sql.rows(BY_DEBTOR, params)) {
                groups.add(new Group((UUID) row[0], (String) row[1], (String) row[2], null, amounts(row, 3)));
            }
        } else {
            if (after != null && !after.matches("\\d{6}")) {
                throw ProblemException.invalid("cursor", "is not a cursor from a previous page");
            }
            params.put("after", after == null ? "" : after);
            for (Object[] row : sql.rows(BY_REGION, params)) {
                groups.add(new Group(null, null, null, (String) row[0], amounts(row, 1)));
            }
        }
        boolean more = groups.size() > limit;
        List<Group> shown = more ? groups.subList(0, limit) : groups;
        String next = null;
        if (more) {
            Group last = shown.get(shown.size() - 1);
            next = Cursor.encode(groupBy == GroupBy.DEBTOR ? last.debtorOrgId().toString() : last.regionCode());
        }
        return new ArrearsStatsView(today, groupBy.name().toLowerCase(), totals, List.copyOf(shown), next);
    }

    /** Authorities their region scope, administrators everything; the resource admits no one else. */
    private static String scopeOf(Caller caller) {
        if (caller.isAdmin()) {
            return "%";
        }
        if (caller.hasRole(Role.AUTHORITY) && caller.regionScope().isPresent()) {
            return RegionScope.prefixOf(caller.regionScope().get()) + "%";
        }
        throw ProblemException.forbidden("Arrears statistics are for authorities in their region scope");
    }

    /** The bucket boundaries as due dates: 0–30 days overdue is due on or after today − 30, and so on. */
    static Map<String, Object> params(String regionPattern, LocalDate today) {
        Map<String, Object> params = new HashMap<>();
        params.put("region", regionPattern);
        params.put("d30", today.minusDays(30));
        params.put("d90", today.minusDays(90));
        params.put("d180", today.minusDays(180));
        return params;
    }

    private static Amounts amounts(Object[] row, int from) {
        return new Amounts(((Number) row[from]).longValue(), money(row[from + 1]), money(row[from + 2]),
                money(row[from + 3]), money(row[from + 4]), money(row[from + 5]), money(row[from + 6]));
    }

    private static BigDecimal money(Object value) {
        return value == null ? BigDecimal.ZERO.setScale(2) : ((BigDecimal) value).setScale(2);
    }

    private static UUID uuid(String key) {
        try {
            return UUID.fromString(key);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("cursor", "is not a cursor from a previous page");
        }
    }
}
