package org.fugong.finance.application.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Withdrawal", description = "The applicant ends its application before the money is paid out")
public record Withdrawal(@NotNull @Size(min = 1, max = 1000) @Schema(example = "Financed by our shareholders") String reason) {
}
