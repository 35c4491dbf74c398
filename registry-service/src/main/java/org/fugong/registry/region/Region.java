package org.fugong.registry.region;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

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

    /** The prefix shared by this region and everything below it: "42" for 420000, "4201" for 420100. */
    public String prefix() {
        return switch (level) {
            case PROVINCE -> code.substring(0, 2);
            case PREFECTURE -> code.substring(0, 4);
            case COUNTY -> code;
        };
    }
}
