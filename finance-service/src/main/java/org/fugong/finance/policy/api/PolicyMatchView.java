package org.fugong.finance.policy.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fugong.finance.policy.PolicyKind;

import com.fasterxml.jackson.annotation.JsonInclude;

@Schema(name = "PolicyMatch", description = "A policy the enterprise qualifies for as the registry knows it, with the "
        + "conditions that decided it")
public record PolicyMatchView(UUID enterpriseId, UUID policyId, String name, PolicyKind kind, String issuingBody,
        String documentNumber, String grants, LocalDate validFrom,
        @JsonInclude(JsonInclude.Include.NON_NULL) LocalDate validUntil, boolean inForce, List<DecisionView> decidedBy,
        Instant matchedAt) {

    @Schema(name = "PolicyDecision", description = "One condition that decided: where it is in the policy's eligibility, "
            + "what it asks, what the registry has, whether it held")
    public record DecisionView(String path, String attribute, String condition, String actual, boolean held) {
    }
}
