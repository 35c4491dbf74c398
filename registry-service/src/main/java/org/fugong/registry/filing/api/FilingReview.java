package org.fugong.registry.filing.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fugong.registry.filing.FilingStatus;

@Schema(name = "FilingReview", description = "An authority's decision on a filing waiting for review: APPROVED or REJECTED")
public record FilingReview(@NotNull FilingStatus decision,
        @Size(max = 1000) @Schema(example = "Site inspected on 2020-02-27") String note) {
}
