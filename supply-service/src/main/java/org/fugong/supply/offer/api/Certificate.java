package org.fugong.supply.offer.api;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Certificate", description = "Quality certificate; required where the item names a standard")
public record Certificate(@NotBlank @Size(max = 50) @Schema(example = "GB 19083-2010") String standard,
        @NotBlank @Size(max = 100) @Schema(example = "国械注准20203140001") String number,
        @NotNull @Schema(example = "2021-12-31") LocalDate validUntil) {
}
