package org.fugong.finance.application.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Approval", description = "The checker's decision on the recommendation: APPROVE it, or RETURN it to the "
        + "reviewers with a reason")
public record Approval(@NotNull Decision decision,
        @Size(max = 1000) @Schema(description = "Required to return", example = "Check the second debtor's rating") String reason) {

    public enum Decision {
        APPROVE, RETURN
    }
}
