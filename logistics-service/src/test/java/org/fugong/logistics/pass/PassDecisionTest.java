package org.fugong.logistics.pass;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.fugong.logistics.pass.PassDecision.Applicant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PassDecisionTest {

    static final Applicant ESSENTIAL = new Applicant(true, "ESSENTIAL", false);

    @ParameterizedTest
    @EnumSource(value = CargoCategory.class, names = "RETURNING_WORKERS", mode = EnumSource.Mode.EXCLUDE)
    void priorityCargoOfAPriorityEnterpriseBetweenLowerRiskCountiesIsApprovedAtOnce(CargoCategory cargo) {
        for (String tier : List.of("ESSENTIAL", "KEY_INDUSTRY")) {
            assertThat(PassDecision.decide(new Applicant(true, tier, false), cargo, false, false))
                    .isEqualTo(new PassDecision(PassStatus.APPROVED, PassDecision.APPROVED));
        }
        assertThat(PassDecision.decide(new Applicant(true, "STANDARD", true), cargo, false, false).status())
                .as("a key enterprise of any tier").isEqualTo(PassStatus.APPROVED);
    }

    @Test
    void medicalAndLivelihoodGoodsIntoOrOutOfAHighCountyAreWhatTheChannelIsFor() {
        for (CargoCategory cargo : List.of(CargoCategory.MEDICAL_SUPPLIES, CargoCategory.LIVELIHOOD_GOODS)) {
            for (boolean[] ends : new boolean[][] { { true, false }, { false, true }, { true, true } }) {
                assertThat(PassDecision.decide(ESSENTIAL, cargo, ends[0], ends[1]))
                        .isEqualTo(new PassDecision(PassStatus.APPROVED, PassDecision.APPROVED_THROUGH_HIGH_RISK));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = CargoCategory.class, names = { "AGRICULTURAL_INPUTS", "PRODUCTION_MATERIALS", "COMPONENTS",
            "KEY_INDUSTRY_PRODUCTS" })
    void otherPriorityCargoWithAHighEndWaitsForReview(CargoCategory cargo) {
        assertThat(PassDecision.decide(ESSENTIAL, cargo, true, false))
                .isEqualTo(new PassDecision(PassStatus.PENDING_REVIEW, PassDecision.HIGH_RISK_END));
        assertThat(PassDecision.decide(ESSENTIAL, cargo, false, true).rule()).isEqualTo(PassDecision.HIGH_RISK_END);
    }

    @Test
    void returningWorkersAreNotPriorityCargo() {
        assertThat(PassDecision.decide(ESSENTIAL, CargoCategory.RETURNING_WORKERS, false, false))
                .isEqualTo(new PassDecision(PassStatus.PENDING_REVIEW, PassDecision.CARGO_NOT_PRIORITY));
    }

    @Test
    void enterprisesOutsideThePriorityTiersWaitForReview() {
        for (String tier : List.of("STRATEGIC_EMERGING", "STANDARD")) {
            assertThat(PassDecision.decide(new Applicant(true, tier, false), CargoCategory.MEDICAL_SUPPLIES, false,
                    false)).isEqualTo(new PassDecision(PassStatus.PENDING_REVIEW, PassDecision.ENTERPRISE_NOT_PRIORITY));
        }
    }

    @Test
    void anEnterpriseThatIsNotActiveWaitsForReviewWhateverElseHolds() {
        assertThat(PassDecision.decide(new Applicant(false, "ESSENTIAL", true), CargoCategory.MEDICAL_SUPPLIES, false,
                false)).isEqualTo(new PassDecision(PassStatus.PENDING_REVIEW, PassDecision.ENTERPRISE_NOT_ACTIVE));
    }

    /** Every combination against the issue's sentence, written out once more as a formula. */
    @Test
    void everyCombinationFollowsTheIssuesRule() {
        List<String> mismatches = new ArrayList<>();
        for (boolean active : new boolean[] { true, false }) {
            for (String tier : List.of("ESSENTIAL", "KEY_INDUSTRY", "STRATEGIC_EMERGING", "STANDARD")) {
                for (boolean key : new boolean[] { true, false }) {
                    for (CargoCategory cargo : CargoCategory.values()) {
                        for (boolean originHigh : new boolean[] { true, false }) {
                            for (boolean destinationHigh : new boolean[] { true, false }) {
                                boolean priorityEnterprise = tier.equals("ESSENTIAL") || tier.equals("KEY_INDUSTRY") || key;
                                boolean priorityCargo = cargo != CargoCategory.RETURNING_WORKERS;
                                boolean medicalOrLivelihood = cargo == CargoCategory.MEDICAL_SUPPLIES
                                        || cargo == CargoCategory.LIVELIHOOD_GOODS;
                                boolean expected = active && priorityEnterprise && priorityCargo
                                        && (!(originHigh || destinationHigh) || medicalOrLivelihood);
                                PassDecision d = PassDecision.decide(new Applicant(active, tier, key), cargo,
                                        originHigh, destinationHigh);
                                if ((d.status() == PassStatus.APPROVED) != expected) {
                                    mismatches.add(active + " " + tier + " " + key + " " + cargo + " " + originHigh
                                            + " " + destinationHigh + " -> " + d);
                                }
                            }
                        }
                    }
                }
            }
        }
        assertThat(mismatches).isEmpty();
    }
}
