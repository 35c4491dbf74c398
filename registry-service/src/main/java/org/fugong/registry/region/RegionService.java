package org.fugong.registry.region;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.fugong.platform.http.ETags;
import org.fugong.platform.paging.Cursor;
import org.fugong.platform.paging.Page;
import org.fugong.platform.problem.ProblemException;
import org.fugong.platform.security.Caller;
import org.fugong.registry.region.api.RegionView;
import org.fugong.registry.region.api.RiskChangeView;

import io.quarkus.panache.common.Parameters;

@ApplicationScoped
public class RegionService {

    @Inject
    RegionEvents events;

    /** A region's code alone: the county check loads codes, not 3,000 entities into the persistence context. */
    record CodeOnly(String code) {
    }

    /** County-level codes never change at run time (only risk levels do): checked without a query. */
    private volatile Set<String> countyCodes;

    public Optional<Region> find(String code) {
        return code == null || !code.matches("\\d{6}") ? Optional.empty() : Region.findByIdOptional(code);
    }

    public Region get(String code) {
        return find(code).orElseThrow(() -> ProblemException.notFound("Region " + code));
    }

    /** 400 naming {@code field} unless the code is a county-level region. */
    public void requireCounty(String code, String field) {
        Set<String> counties = countyCodes;
        if (counties == null) {
            counties = Region.find("countyLevel", true).project(CodeOnly.class).list().stream().map(CodeOnly::code)
                    .collect(Collectors.toUnmodifiableSet());
            countyCodes = counties;
        }
        if (!counties.contains(code)) {
            throw ProblemException.invalid(field, "is not a county code of GB/T 2260");
        }
    }

    public Page<RegionView> list(String parent, RegionLevel level, RiskLevel risk, String cursor, int limit) {
        StringBuilder where = new StringBuilder("code > :after");
        Parameters params = Parameters.with("after", Optional.ofNullable(Cursor.decode(cursor)).orElse(""));
        if (parent != null) {
            where.append(" and parentCode = :parent");
            params.and("parent", parent);
        }
        if (level != null) {
            where.append(" and level = :level");
            params.and("level", level);
        }
        if (risk != null) {
            where.append(" and riskLevel = :risk");
            params.and("risk", risk);
        }
        List<Region> rows = Region.<Region>find(where + " order by code", params).range(0, limit).list();
        return Page.of(rows, limit, RegionView::of, r -> r.code);
    }

    public Page<RiskChangeView> history(String code, String cursor, int limit) {
        get(code);
        UUID after = Cursor.decodeUuid(cursor);
        List<RiskLevelChange> rows = after == null
                ? RiskLevelChange.<RiskLevelChange>find("regionCode = ?1 order by id desc", code).range(0, limit).list()
                : RiskLevelChange.<RiskLevelChange>find("regionCode = ?1 and id < ?2 order by id desc", code,
                        after).range(0, limit).list();
        return Page.of(rows, limit, RiskChangeView::of, c -> c.id.toString());
    }

    /**
     * Sets the level of a region and of every region below it whose level differs, keeping
     * history and publishing one event per region that changed.
     */
    @Transactional
    public Region setRiskLevel(Caller caller, String code, RiskLevel level, String reason, String ifMatch) {
        // Locked by the first read: a lock taken after an unlocked read fails on a row changed in between.
        Region target = Optional.ofNullable(code).filter(c -> c.matches("\\d{6}"))
                .map(c -> Region.<Region>findById(c, LockModeType.PESSIMISTIC_WRITE))
                .orElseThrow(() -> ProblemException.notFound("Region " + code));
        ETags.requireMatch(ifMatch, target.version);
        List<Region> affected = Region.<Region>find(
                "code like :prefix and riskLevel <> :level order by code",
                Parameters.with("prefix", target.prefix() + "%").and("level", level))
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
        Instant now = Instant.now();
        List<RiskLevelChange> changes = new ArrayList<>(affected.size());
        List<Region> changed = new ArrayList<>(affected.size());
        for (Region r : affected) {
            r.changeRiskLevel(level, reason, target, caller.subject(), now).ifPresent(change -> {
                changes.add(change);
                changed.add(r);
            });
        }
        RiskLevelChange.persist(changes);
        Region.flush(); // versions are final now, and go into the events
        events.riskLevelsChanged(changes, changed);
        return target;
    }
}
