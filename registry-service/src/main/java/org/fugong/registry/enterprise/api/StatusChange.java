package org.fugong.registry.enterprise.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fugong.registry.enterprise.EnterpriseStatus;

@Schema(name = "StatusChange", description = "Suspend, reinstate or deregister an organisation; suspension needs a reason")
public record StatusChange(@NotNull EnterpriseStatus status,
        @Size(max = 500) @Schema(example = "Confirmed case among employees on 2020-02-26") String reason) {
}
