package org.fugong.logistics.pass.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An authority's answer to a pass under review. */
@Schema(name = "GreenPassDecision")
public record PassDecisionRequest(
        @NotNull Outcome outcome,
        @NotBlank @Size(max = 500) @Schema(example = "Route checked with the Hubei border office") String reason) {

    public enum Outcome {
        APPROVED, REFUSED
    }
}
