package org.fugong.finance.receivable.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ReceivableDecision", description = "The debtor's answer: CONFIRM, or DISPUTE with a reason")
public record ReceivableDecision(@NotNull Decision decision,
        @Size(max = 1000) @Schema(description = "Required to dispute", example = "Goods of lot 2 were not delivered") String reason) {

    public enum Decision {
        CONFIRM, DISPUTE
    }
}
