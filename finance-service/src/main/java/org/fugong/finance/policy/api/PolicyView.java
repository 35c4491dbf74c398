package org.fugong.finance.policy.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fugong.finance.policy.Policy;
import org.fugong.finance.policy.PolicyKind;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

@Schema(name = "Policy")
public record PolicyView(UUID id, String name, PolicyKind kind, String issuingBody, String documentNumber,
        @JsonInclude(JsonInclude.Include.NON_NULL) String documentTitle, String grants, LocalDate validFrom,
        @JsonInclude(JsonInclude.Include.NON_NULL) LocalDate validUntil,
        @Schema(description = "Whether it applies today (finance zone)") boolean inForce,
        @Schema(type = SchemaType.OBJECT, description = "Canonical form of the rule language") JsonNode eligibility,
        @JsonInclude(JsonInclude.Include.NON_NULL) SubsidyTerms subsidy,
        Instant createdAt, Instant updatedAt, long version) {

    public static PolicyView of(Policy p, JsonNode eligibility, LocalDate today) {
        return new PolicyView(p.id, p.name, p.kind, p.issuingBody, p.documentNumber, p.documentTitle, p.grants,
                p.validFrom, p.validUntil, p.inForce(today), eligibility, p.subsidy(), p.createdAt, p.updatedAt, p.version);
    }
}
