package org.fugong.finance.arrears.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ArrearsResponse", description = "The debtor's answer: ACKNOWLEDGE, or DISPUTE with a reason")
public record ArrearsResponse(@NotNull Decision decision,
        @Size(max = 1000) @Schema(description = "Required to dispute", example = "Paid by transfer on 2020-01-10") String reason) {

    public enum Decision {
        ACKNOWLEDGE, DISPUTE
    }
}
