package org.fugong.registry.region.api;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fugong.registry.region.RiskLevel;
import org.fugong.registry.region.RiskLevelChange;

@Schema(name = "RiskLevelChange", description = "One change of a region's risk level")
public record RiskChangeView(UUID id, String regionCode, RiskLevel previousLevel, RiskLevel riskLevel, String reason,
        @Schema(description = "The region the authority set; a parent when the change cascaded") String setOnCode,
        Instant changedAt) {

    public static RiskChangeView of(RiskLevelChange c) {
        return new RiskChangeView(c.id, c.regionCode, c.previousLevel, c.riskLevel, c.reason, c.setOnCode, c.changedAt);
    }
}
