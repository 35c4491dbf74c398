package org.fugong.registry.enterprise.api;

import java.math.BigDecimal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fugong.registry.enterprise.Industry;
import org.fugong.registry.enterprise.OrganisationKind;
import org.fugong.registry.enterprise.Ownership;

@Schema(name = "RegisterEnterprise", description = "A new organisation")
public record RegisterEnterprise(
        @NotNull OrganisationKind kind,
        @NotBlank @Size(max = 200) @Schema(example = "武汉安康医疗器械有限公司") String name,
        @NotBlank @Schema(description = "Unified social credit code (GB 32100-2015); lower case is accepted",
                example = "91110000600037341L") String uscc,
        @NotNull @Pattern(regexp = "\\d{6}", message = "must be a six-digit GB/T 2260 county code")
        @Schema(example = "420102") String regionCode,
        @NotNull Industry industry,
        @NotNull Ownership ownership,
        @NotNull @PositiveOrZero @Max(10_000_000) @Schema(example = "250") Integer employees,
        @NotNull @DecimalMin("0.00") @Digits(integer = 15, fraction = 2)
        @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, example = "48000000.00",
                description = "Annual revenue in CNY") BigDecimal annualRevenue,
        @Valid ContactPerson contact) {
}
