package org.fugong.registry.region.api;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fugong.registry.region.Region;
import org.fugong.registry.region.RegionLevel;
import org.fugong.registry.region.RiskLevel;

@Schema(name = "Region", description = "A GB/T 2260 division and its epidemic risk level")
public record RegionView(@Schema(example = "420102") String code, @Schema(example = "江岸区") String name,
        String nameEn, RegionLevel level, String parentCode,
        @Schema(description = "Enterprises register here and risk levels apply here") boolean countyLevel, RiskLevel riskLevel, Instant riskUpdatedAt,
        long version) {

    public static RegionView of(Region r) {
        return new RegionView(r.code, r.name, r.nameEn, r.level, r.parentCode, r.countyLevel, r.riskLevel, r.riskUpdatedAt, r.version);
    }
}
