package org.fugong.registry.region;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

/** A region's risk level change, as a plain object: the change says what it was and where it was set. */
class RegionRiskLevelTest {

    static final Instant NOW = Instant.parse("2020-03-01T08:00:00Z");

    static Region region(String code, RegionLevel level, RiskLevel risk) {
        Region r = new Region();
        r.code = code;
        r.level = level;
        r.riskLevel = risk;
        return r;
    }

    @Test
    void aNewLevelIsKeptInTheHistoryWithTheRegionItWasSetOn() {
        Region prefecture = region("420100", RegionLevel.PREFECTURE, RiskLevel.LOW);
        Region county = region("420102", RegionLevel.COUNTY, RiskLevel.LOW);
        RiskLevelChange change = county.changeRiskLevel(RiskLevel.HIGH, "Cluster", prefecture, "authority-42", NOW)
                .orElseThrow();
        assertThat(change.id).isNotNull();
        assertThat(change.regionCode).isEqualTo("420102");
        assertThat(change.previousLevel).isEqualTo(RiskLevel.LOW);
        assertThat(change.riskLevel).isEqualTo(RiskLevel.HIGH);
        assertThat(change.setOnCode).isEqualTo("420100");
        assertThat(change.reason).isEqualTo("Cluster");
        assertThat(change.changedBy).isEqualTo("authority-42");
        assertThat(change.changedAt).isEqualTo(NOW);
        assertThat(county.riskLevel).isEqualTo(RiskLevel.HIGH);
        assertThat(county.riskUpdatedAt).isEqualTo(NOW);
    }

    @Test
    void theLevelARegionAlreadyHasIsNoChange() {
        Region county = region("420102", RegionLevel.COUNTY, RiskLevel.MEDIUM);
        assertThat(county.changeRiskLevel(RiskLevel.MEDIUM, "again", county, "authority-42", NOW)).isEmpty();
        assertThat(county.riskUpdatedAt).isNull();
    }
}
