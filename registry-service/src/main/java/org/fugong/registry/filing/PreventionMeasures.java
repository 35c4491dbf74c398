package org.fugong.registry.filing;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The prevention measures of opinion 10 that a plan or report says are in place. */
@Schema(description = "Prevention measures in place; every one is required for fast-track approval in MEDIUM-risk regions")
public record PreventionMeasures(
        @NotNull Boolean ventilation,
        @NotNull Boolean disinfection,
        @NotNull Boolean temperatureChecks,
        @NotNull Boolean sanitaryFacilities,
        @NotNull Boolean healthMonitoring,
        @NotNull Boolean emergencyPlan) {

    public boolean allInPlace() {
        return ventilation && disinfection && temperatureChecks && sanitaryFacilities && healthMonitoring
                && emergencyPlan;
    }
}
