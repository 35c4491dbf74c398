package org.fugong.supply.gap;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.fugong.platform.problem.ProblemException;
import org.fugong.platform.security.Caller;
import org.fugong.platform.security.RegionScope;
import org.fugong.supply.catalogue.SupplyItem;
import org.fugong.supply.config.SupplyConfig;
import org.fugong.supply.db.NativeSql;
import org.fugong.supply.organisation.Organisation;
import org.fugong.supply.tx.RetryTransientFailures;

/** Shortages and production capacity: where demand outruns supply, and how long output needs to close it. */
@ApplicationScoped
public class GapService {

    @Inject
    NativeSql sql;

    @Inject
    SupplyConfig config;

    @RetryTransientFailures
    @Transactional
    public void declare(Caller caller, CapacityDeclaration body) {
        Organisation supplier = caller.orgId().map(id -> Organisation.<Organisation>findById(id))
                .orElseThrow(() -> ProblemException.conflict("Your organisation is not known to supply yet"));
        if (!supplier.isActive()) {
            throw ProblemException.conflict("Your organisation is " + supplier.status);
        }
        if (SupplyItem.findById(body.itemCode()) == null) {
            throw ProblemException.invalid("item_code", "is not in the catalogue");
        }
        // An upsert, so two declarations at once cannot both insert.
        sql.update("""
                INSERT INTO production_capacity (supplier_id, item_code, daily_quantity, updated_at)
                VALUES (:supplier, :item, :daily, :now)
                ON CONFLICT (supplier_id, item_code) DO UPDATE SET daily_quantity = EXCLUDED.daily_quantity,
                    updated_at = EXCLUDED.updated_at""",
                Map.of("supplier", supplier.id, "item", body.itemCode(), "daily", body.dailyQuantity(), "now", Instant.now()));
    }

    /** One row per item (or the one asked for), each figure in a single aggregate query. */
    public List<SupplyGap> gaps(String item, String region) {
        String prefix = region == null ? "" : RegionScope.prefixOf(region);
        LocalDate today = LocalDate.now(config.zone());
        List<Object[]> rows = sql.rows("""
                SELECT i.code,
                       coalesce((SELECT sum(r.quantity - r.allocated) FROM supply_request r
                                 WHERE r.item_code = i.code AND r.status IN ('OPEN', 'PARTIALLY_ALLOCATED')
                                   AND r.delivery_region LIKE :prefix), 0),
                       coalesce((SELECT sum(o.quantity - o.allocated) FROM supply_offer o
                                 JOIN enterprise_view s ON s.id = o.supplier_id AND s.status = 'ACTIVE'
                                 WHERE o.item_code = i.code AND o.status = 'OPEN'
                                   AND (o.expiry_date IS NULL OR o.expiry_date >= :today)
                                   AND (i.required_standard IS NULL OR o.certificate_valid_until >= :today)), 0),
                       (SELECT count(*) FROM supply_request r
                        WHERE r.item_code = i.code AND r.status IN ('OPEN', 'PARTIALLY_ALLOCATED')
                          AND r.urgency = 'CRITICAL' AND r.delivery_region LIKE :prefix),
                       coalesce((SELECT sum(c.daily_quantity) FROM production_capacity c
                                 JOIN enterprise_view s ON s.id = c.supplier_id AND s.status = 'ACTIVE'
                                 WHERE c.item_code = i.code), 0)
                FROM supply_item i
                WHERE (:item = '' OR i.code = :item)
                ORDER BY i.code""", Map.of("prefix", prefix + "%", "today", today, "item", item == null ? "" : item));
        if (item != null && rows.isEmpty()) {
            throw ProblemException.invalid("item", "is not in the catalogue");
        }
        return rows.stream().map(r -> {
            long demand = ((Number) r[1]).longValue();
            long free = ((Number) r[2]).longValue();
            long gap = Math.max(0, demand - free);
            long capacity = ((Number) r[4]).longValue();
            BigDecimal days = capacity == 0 ? null
                    : BigDecimal.valueOf(gap).divide(BigDecimal.valueOf(capacity), 1, RoundingMode.CEILING);
            return new SupplyGap((String) r[0], region, demand, free, gap, ((Number) r[3]).longValue(), capacity, days);
        }).toList();
    }
}
