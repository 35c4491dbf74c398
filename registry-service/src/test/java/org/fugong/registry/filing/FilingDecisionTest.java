package org.fugong.registry.filing;

import static org.assertj.core.api.Assertions.assertThat;

import org.fugong.registry.enterprise.PriorityTier;
import org.fugong.registry.region.RiskLevel;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The whole decision table: 3 risk levels × 4 tiers × measures complete or not. */
class FilingDecisionTest {

    @ParameterizedTest(name = "{0} / {1} / all measures {2} -> {3} by {4}")
    @CsvSource({
            "LOW, ESSENTIAL, true, APPROVED, LOW_RISK_APPROVED",
            "LOW, STANDARD, false, APPROVED, LOW_RISK_APPROVED",
            "LOW, KEY_INDUSTRY, false, APPROVED, LOW_RISK_APPROVED",
            "LOW, STRATEGIC_EMERGING, true, APPROVED, LOW_RISK_APPROVED",
            "MEDIUM, ESSENTIAL, true, APPROVED, MEDIUM_RISK_PRIORITY_WITH_ALL_MEASURES_APPROVED",
            "MEDIUM, KEY_INDUSTRY, true, APPROVED, MEDIUM_RISK_PRIORITY_WITH_ALL_MEASURES_APPROVED",
            "MEDIUM, STRATEGIC_EMERGING, true, APPROVED, MEDIUM_RISK_PRIORITY_WITH_ALL_MEASURES_APPROVED",
            "MEDIUM, STANDARD, true, PENDING_REVIEW, MEDIUM_RISK_NEEDS_REVIEW",
            "MEDIUM, ESSENTIAL, false, PENDING_REVIEW, MEDIUM_RISK_NEEDS_REVIEW",
            "MEDIUM, KEY_INDUSTRY, false, PENDING_REVIEW, MEDIUM_RISK_NEEDS_REVIEW",
            "MEDIUM, STANDARD, false, PENDING_REVIEW, MEDIUM_RISK_NEEDS_REVIEW",
            "HIGH, ESSENTIAL, true, PENDING_REVIEW, HIGH_RISK_ESSENTIAL_NEEDS_REVIEW",
            "HIGH, ESSENTIAL, false, PENDING_REVIEW, HIGH_RISK_ESSENTIAL_NEEDS_REVIEW",
            "HIGH, KEY_INDUSTRY, true, REJECTED, HIGH_RISK_ONLY_ESSENTIAL",
            "HIGH, STRATEGIC_EMERGING, true, REJECTED, HIGH_RISK_ONLY_ESSENTIAL",
            "HIGH, STANDARD, true, REJECTED, HIGH_RISK_ONLY_ESSENTIAL",
            "HIGH, STANDARD, false, REJECTED, HIGH_RISK_ONLY_ESSENTIAL" })
    void categorisedGuidance(RiskLevel risk, PriorityTier tier, boolean allMeasures, FilingStatus status, String rule) {
        FilingDecision decision = FilingDecision.decide(risk, tier, allMeasures);
        assertThat(decision.status()).isEqualTo(status);
        assertThat(decision.rule()).isEqualTo(rule);
    }

    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvSource({ "LOW, STANDARD, ''", "MEDIUM, STANDARD, ''", "MEDIUM, KEY_INDUSTRY, ''", "HIGH, ESSENTIAL, ''",
            "HIGH, KEY_INDUSTRY, HIGH_RISK_ONLY_ESSENTIAL", "HIGH, STANDARD, HIGH_RISK_ONLY_ESSENTIAL" })
    void onReviewOnlyARejectionRowOfTheLevelNowForbidsApproval(RiskLevel risk, PriorityTier tier, String rule) {
        assertThat(FilingDecision.forbidsApproval(risk, tier).orElse("")).isEqualTo(rule);
    }

    @ParameterizedTest
    @CsvSource({ "true, true, true, true, true, true, true", "false, true, true, true, true, true, false",
            "true, true, true, true, true, false, false", "true, true, false, true, true, true, false" })
    void measuresAreCompleteOnlyWhenAllSixAreInPlace(boolean a, boolean b, boolean c, boolean d, boolean e, boolean f,
            boolean expected) {
        assertThat(new PreventionMeasures(a, b, c, d, e, f).allInPlace()).isEqualTo(expected);
    }
}
