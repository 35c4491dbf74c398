package org.fugong.registry.region.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fugong.registry.region.RiskLevel;

@Schema(name = "SetRiskLevel", description = "A new risk level; on a prefecture or province it applies to every county below")
public record SetRiskLevel(@NotNull RiskLevel riskLevel,
        @Size(max = 500) @Schema(example = "New cluster reported on 2020-02-20") String reason) {
}
