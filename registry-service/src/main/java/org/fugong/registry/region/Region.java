package org.fugong.registry.region;

import java.time.Instant;
import java.util.Optional;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.fugong.platform.ids.UuidV7;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A GB/T 2260 division with its current epidemic risk level. */
@Entity
@Table(name = "region")
public class Region extends PanacheEntityBase {

    @Id
    public String code;
    public String name;
    public String nameEn;
    @Enumerated(EnumType.STRING)
    public RegionLevel level;
    public String parentCode;
    /** A county, or one of the three prefecture-level cities that have no counties below them. */
    public boolean countyLevel;
    @Enumerated(EnumType.STRING)
    public RiskLevel riskLevel;
    public Instant riskUpdatedAt;
    @Version
    public long version;

    /**
     * Sets the region's level, as part of setting it on {@code setOn} (this region or one above it),
     * and returns the history entry to keep; empty when the region already has that level.
     */
    public Optional<RiskLevelChange> changeRiskLevel(RiskLevel next, String reason, Region setOn, String changedBy,
            Instant at) {
        if (next == riskLevel) {
            return Optional.empty();
        }
        RiskLevelChange change = new RiskLevelChange();
        change.id = UuidV7.next();
        change.regionCode = code;
        change.previousLevel = riskLevel;
        change.riskLevel = next;
        change.reason = reason;
        change.setOnCode = setOn.code;
        change.changedBy = changedBy;
        change.changedAt = at;
        riskLevel = next;
        riskUpdatedAt = at;
        return Optional.of(change);
    }

    /** The prefix shared by this region and everything below it: "42" for 420000, "4201" for 420100. */
    public String prefix() {
        return switch (level) {
            case PROVINCE -> code.substring(0, 2);
            case PREFECTURE -> code.substring(0, 4);
            case COUNTY -> code;
        };
    }
}
