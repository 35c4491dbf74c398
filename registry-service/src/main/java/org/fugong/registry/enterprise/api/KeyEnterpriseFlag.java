package org.fugong.registry.enterprise.api;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "KeyEnterpriseFlag", description = "Whether the organisation is on the authority's white list of key enterprises")
public record KeyEnterpriseFlag(@NotNull Boolean keyEnterprise) {
}
