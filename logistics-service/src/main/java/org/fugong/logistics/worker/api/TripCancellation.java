package org.fugong.logistics.worker.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CharterTripCancellation")
public record TripCancellation(@NotBlank @Size(max = 500) @Schema(example = "The bus failed its inspection") String reason) {
}
