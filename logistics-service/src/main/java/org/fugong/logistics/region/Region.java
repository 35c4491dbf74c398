package org.fugong.logistics.region;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A GB/T 2260 region as logistics knows it (the region_view read model): seeded like the registry's,
 * risk levels kept from {@code registry.regions}. Routes name these; the pass rule reads the risk
 * level of a route's two ends.
 */
@Entity
@Table(name = "region_view")
public class Region extends PanacheEntityBase {
    @Id
    public String code;
    public String name;
    public String nameEn;
    public String level;
    public String parentCode;
    /** Where a route may start or end: a county, or a prefecture-level city without districts. */
    public boolean countyLevel;
    public String riskLevel;
    public long version;

    public boolean isHigh() {
        return "HIGH".equals(riskLevel);
    }
}
