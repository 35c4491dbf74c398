package org.fugong.supply.catalogue;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "SupplyItem")
public record SupplyItemView(@Schema(example = "MASK_MEDICAL_PROTECTIVE") String code, String name, String nameZh,
        Category category, String unit, @Schema(example = "GB 19083-2010") String requiredStandard, String gtin) {

    public static SupplyItemView of(SupplyItem i) {
        return new SupplyItemView(i.code, i.name, i.nameZh, i.category, i.unit, i.requiredStandard, i.gtin);
    }
}
