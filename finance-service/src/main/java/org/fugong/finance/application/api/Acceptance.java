package org.fugong.finance.application.api;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Acceptance", description = "The offer the applicant takes, by its lender; every other lender's part lapses")
public record Acceptance(@NotNull UUID lenderOrgId) {
}
