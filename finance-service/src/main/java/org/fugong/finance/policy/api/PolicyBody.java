package org.fugong.finance.policy.api;

import java.time.LocalDate;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fugong.finance.policy.PolicyKind;

import com.fasterxml.jackson.databind.JsonNode;

@Schema(name = "PolicyBody", description = "A preferential measure as an administrator enters it (POST) or replaces it (PUT)")
public record PolicyBody(
        @NotBlank @Size(max = 200) @Schema(example = "Social-security contributions exempt for SMEs outside Hubei") String name,
        @NotNull PolicyKind kind,
        @NotBlank @Size(max = 300) @Schema(example = "人力资源社会保障部、财政部、税务总局") String issuingBody,
        @NotBlank @Size(max = 100) @Schema(example = "人社部发〔2020〕11号") String documentNumber,
        @Size(max = 300) @Schema(example = "关于阶段性减免企业社会保险费的通知") String documentTitle,
        @NotBlank @Size(max = 2000) @Schema(description = "What it grants, in words", example = "Exempt: the employer's part "
                + "of pension, unemployment and work-injury insurance, February to June 2020") String grants,
        @NotNull @Schema(example = "2020-02-01") LocalDate validFrom,
        @Schema(description = "Inclusive; absent for an open end", example = "2020-06-30") LocalDate validUntil,
        @NotNull @Schema(type = SchemaType.OBJECT, description = "Whom it is for, in the rule language of docs/finance.md",
                example = "{\"all_of\": [{\"size_class\": [\"MICRO\", \"SMALL\", \"MEDIUM\"]}, "
                        + "{\"not\": {\"region_prefix\": [\"42\"]}}]}") JsonNode eligibility,
        @Valid @Schema(description = "Only for an INTEREST_SUBSIDY: its terms, which the schedules of the loans it "
                + "applies to follow; without them it is matched and shown but splits no schedule") SubsidyTerms subsidy) {
}
