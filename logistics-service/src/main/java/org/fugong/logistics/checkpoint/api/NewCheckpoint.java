package org.fugong.logistics.checkpoint.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fugong.logistics.checkpoint.CheckpointKind;

/** An authority registers a checkpoint in a county of its scope. */
@Schema(name = "NewCheckpoint")
public record NewCheckpoint(
        @NotBlank @Size(max = 100) @Schema(example = "G4 京港澳高速 鄂豫界 (Hubei–Henan border)") String name,
        @NotNull @Pattern(regexp = "\\d{6}", message = "must be a six-digit GB/T 2260 code") @Schema(example = "421181") String countyCode,
        @NotNull CheckpointKind kind) {
}
