package org.fugong.registry.stats;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.fugong.platform.security.RegionScope;
import org.fugong.registry.enterprise.ResumptionStatus;
import org.fugong.registry.sql.NativeSql;

/**
 * Resumption statistics over enterprises (kind ENTERPRISE, not deregistered), in one query. The
 * employee and capacity figures come from the latest report of each enterprise at work (ACTIVE and
 * RESUMING or RESUMED): a halted or suspended enterprise's last figures describe work that stopped.
 */
@ApplicationScoped
public class StatsService {

    /**
     * Per group and (the ROLLUP row, key null) in total; {@code :key} names the grouping: INDUSTRY,
     * TIER, or the region level to group by (PROVINCE, PREFECTURE, COUNTY).
     */
    static final String RESUMPTION = """
            SELECT g.key, r.name, g.enterprises, g.not_resumed, g.resuming, g.resumed, g.halted,
                   g.employees_total, g.employees_returned, g.mean_capacity
            FROM (SELECT CASE :key WHEN 'INDUSTRY' THEN e.industry
                                    WHEN 'TIER' THEN e.priority_tier
                                    WHEN 'PROVINCE' THEN substr(e.region_code, 1, 2) || '0000'
                                    WHEN 'PREFECTURE' THEN substr(e.region_code, 1, 4) || '00'
                                    ELSE e.region_code END AS key,
                         count(*) AS enterprises,
                         count(*) FILTER (WHERE e.resumption_status = 'NOT_RESUMED') AS not_resumed,
                         count(*) FILTER (WHERE e.resumption_status = 'RESUMING') AS resuming,
                         count(*) FILTER (WHERE e.resumption_status = 'RESUMED') AS resumed,
                         count(*) FILTER (WHERE e.resumption_status = 'HALTED') AS halted,
                         coalesce(sum(e.latest_employees_total) FILTER (WHERE at_work), 0) AS employees_total,
                         coalesce(sum(e.latest_employees_returned) FILTER (WHERE at_work), 0) AS employees_returned,
                         avg(e.latest_capacity_utilisation) FILTER (WHERE at_work) AS mean_capacity
                  FROM enterprise e,
                       LATERAL (SELECT e.status = 'ACTIVE'
                                       AND e.resumption_status IN ('RESUMING', 'RESUMED') AS at_work) w
                  WHERE e.kind = 'ENTERPRISE' AND e.status <> 'DEREGISTERED' AND e.region_code LIKE :prefix
                  GROUP BY ROLLUP (1)) g
            LEFT JOIN region r ON r.code = g.key
            ORDER BY g.key NULLS LAST""";

    /** {@code allFigures}: whether small groups show their figures (for officials of the region). */
    public ResumptionStats resumption(GroupBy groupBy, String region, boolean allFigures) {
        String prefix = region == null ? "" : RegionScope.prefixOf(region);
        // The key is bound, not written into the text: one level below the filter when grouping by region.
        String key = switch (groupBy) {
            case INDUSTRY -> "INDUSTRY";
            case TIER -> "TIER";
            case REGION -> switch (prefix.length()) {
                case 0 -> "PROVINCE";
                case 2 -> "PREFECTURE";
                default -> "COUNTY";
            };
        };
        @SuppressWarnings("unchecked")
        List<Object[]> rows = NativeSql.query(RESUMPTION)
                .setParameter("key", key)
                .setParameter("prefix", prefix + "%")
                .getResultList();
        List<ResumptionStats.Group> groups = new ArrayList<>();
        ResumptionStats.Group total = group(null, null, new long[7], null);
        for (Object[] row : rows) {
            long[] counts = new long[7];
            for (int i = 0; i < counts.length; i++) {
                counts[i] = ((Number) row[i + 2]).longValue();
            }
            BigDecimal meanCapacity = row[9] == null ? null : new BigDecimal(row[9].toString());
            ResumptionStats.Group g = group((String) row[0], groupBy == GroupBy.REGION ? (String) row[1] : null,
                    counts, meanCapacity);
            if (row[0] == null) {
                total = g; // the ROLLUP row
            } else {
                groups.add(g);
            }
        }
        if (!allFigures) {
            Set<Integer> withheld = SmallGroups.withheld(groups.stream().map(ResumptionStats.Group::enterprises).toList());
            for (int i : withheld) {
                groups.set(i, groups.get(i).withCountOnly());
            }
            if (SmallGroups.tooSmall(total.enterprises())) {
                total = total.withCountOnly();
            }
        }
        return new ResumptionStats(groupBy.name().toLowerCase(), region, groups, total);
    }

    /**
     * counts: enterprises, not resumed, resuming, resumed, halted, employees total, employees returned.
     */
    private static ResumptionStats.Group group(String key, String name, long[] counts, BigDecimal meanCapacity) {
        long enterprises = counts[0];
        Map<String, Long> byStatus = new LinkedHashMap<>();
        byStatus.put(ResumptionStatus.NOT_RESUMED.name(), counts[1]);
        byStatus.put(ResumptionStatus.RESUMING.name(), counts[2]);
        byStatus.put(ResumptionStatus.RESUMED.name(), counts[3]);
        byStatus.put(ResumptionStatus.HALTED.name(), counts[4]);
        return new ResumptionStats.Group(key, name, enterprises, false, byStatus,
                percent(counts[2] + counts[3], enterprises), percent(counts[3], enterprises), counts[5], counts[6],
                percent(counts[6], counts[5]),
                meanCapacity == null ? null : meanCapacity.setScale(1, RoundingMode.HALF_UP));
    }

    /** part / whole in percent, one decimal; null when whole is zero (a rate of nothing is no rate). */
    public static BigDecimal percent(long part, long whole) {
        return whole == 0 ? null
                : BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }
}
