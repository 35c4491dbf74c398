package org.fugong.logistics.pass.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "GreenPassRevocationRequest")
public record RevocationRequest(
        @NotBlank @Size(max = 500) @Schema(example = "Vehicle seen off its route at the Xianning toll station") String reason) {
}
