package org.fugong.registry.region;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One entry of a region's risk history. */
@Entity
@Table(name = "region_risk_change")
public class RiskLevelChange extends PanacheEntityBase {
    @Id
    public UUID id;
    public String regionCode;
    @Enumerated(EnumType.STRING)
    public RiskLevel previousLevel;
    @Enumerated(EnumType.STRING)
    public RiskLevel riskLevel;
    public String reason;
    public String setOnCode;
    public String changedBy;
    public Instant changedAt;
}
