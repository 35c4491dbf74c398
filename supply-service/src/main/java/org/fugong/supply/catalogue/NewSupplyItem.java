package org.fugong.supply.catalogue;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "NewSupplyItem")
public record NewSupplyItem(
        @NotNull @Pattern(regexp = "[A-Z0-9_]{2,40}", message = "must be 2 to 40 of A-Z, 0-9 and _") String code,
        @NotBlank @Size(max = 200) String name,
        @Size(max = 200) String nameZh,
        @NotNull Category category,
        @NotBlank @Size(max = 20) String unit,
        @Size(max = 50) String requiredStandard,
        String gtin) {
}
