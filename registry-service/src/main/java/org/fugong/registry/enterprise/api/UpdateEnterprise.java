package org.fugong.registry.enterprise.api;

import java.math.BigDecimal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fugong.registry.enterprise.Industry;
import org.fugong.registry.enterprise.Ownership;

/** A merge patch: only the properties present change. */
@Schema(name = "UpdateEnterprise", description = "Properties to change; absent ones stay as they are")
public record UpdateEnterprise(
        @Size(min = 1, max = 200) String name,
        Industry industry,
        Ownership ownership,
        @PositiveOrZero @Max(10_000_000) Integer employees,
        @DecimalMin("0.00") @Digits(integer = 15, fraction = 2) @Schema(type = SchemaType.STRING) BigDecimal annualRevenue,
        @Pattern(regexp = "\\d{6}", message = "must be a six-digit GB/T 2260 county code") String regionCode,
        @Valid ContactPerson contact) {
}
