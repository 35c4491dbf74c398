package org.fugong.finance.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;

import org.fugong.finance.application.PriorityScore.Facts;
import org.fugong.finance.application.PriorityScore.Factor;
import org.fugong.finance.application.PriorityScore.Score;
import org.fugong.finance.application.PriorityScore.Weights;
import org.junit.jupiter.api.Test;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** The review queue's score: every factor shown, points as configured, the sum their total. */
class PriorityScoreTest {

    static final Weights DEFAULTS = new Weights(30, 25, Set.of("MEDICAL_SUPPLIES", "PROTECTIVE_GEAR", "PHARMACEUTICALS"),
            20, 10, 20, 30, 15, "42");

    static int points(Score s, String factor) {
        return s.factors().stream().filter(f -> f.factor().equals(factor)).findFirst().orElseThrow().points();
    }

    @Test
    void aHubeiMicroMaskMakerOnTheWhiteListWithNoCashLeftScoresEveryFactor() {
        Score s = PriorityScore.of(new Facts("ESSENTIAL", "PROTECTIVE_GEAR", true, "MICRO", "420102", 0), DEFAULTS);
        assertThat(s.factors()).extracting(Factor::factor).containsExactly(PriorityScore.ESSENTIAL_TIER,
                PriorityScore.MEDICAL_SUPPLY_MAKER, PriorityScore.KEY_ENTERPRISE, PriorityScore.MICRO_SIZE,
                PriorityScore.DAYS_OF_CASH_LEFT, PriorityScore.HUBEI);
        assertThat(s.factors()).extracting(Factor::points).containsExactly(30, 25, 20, 10, 20, 15);
        assertThat(s.total()).isEqualTo(120);
    }

    @Test
    void aStandardMediumFirmOutsideHubeiWithCashForMonthsScoresNothingButEveryFactorIsShown() {
        Score s = PriorityScore.of(new Facts("STANDARD", "TEXTILES", false, "MEDIUM", "330106", 90), DEFAULTS);
        assertThat(s.total()).isZero();
        assertThat(s.factors()).hasSize(6).allSatisfy(f -> {
            assertThat(f.points()).isZero();
            assertThat(f.detail()).isNotBlank();
        });
    }

    @Test
    void theFactorsStandAlone() {
        // ESSENTIAL but not medical (food), key, small, 15 of 30 days left, Wuhan
        Score s = PriorityScore.of(new Facts("ESSENTIAL", "FOOD", true, "SMALL", "420100", 15), DEFAULTS);
        assertThat(points(s, PriorityScore.ESSENTIAL_TIER)).isEqualTo(30);
        assertThat(points(s, PriorityScore.MEDICAL_SUPPLY_MAKER)).isZero();
        assertThat(points(s, PriorityScore.KEY_ENTERPRISE)).isEqualTo(20);
        assertThat(points(s, PriorityScore.MICRO_SIZE)).isZero();
        assertThat(points(s, PriorityScore.DAYS_OF_CASH_LEFT)).isEqualTo(10);
        assertThat(points(s, PriorityScore.HUBEI)).isEqualTo(15);
        assertThat(s.total()).isEqualTo(75);
        // A region code that merely contains 42 is not Hubei.
        assertThat(points(PriorityScore.of(new Facts("STANDARD", "OTHER", false, "SMALL", "342100", 40), DEFAULTS),
                PriorityScore.HUBEI)).isZero();
    }

    @Test
    void theWeightsComeFromConfiguration() {
        Weights heavyHubei = new Weights(1, 2, Set.of("MEDICAL_SUPPLIES"), 3, 4, 10, 10, 100, "4201");
        Score s = PriorityScore.of(new Facts("ESSENTIAL", "PHARMACEUTICALS", true, "MICRO", "420102", 3), heavyHubei);
        assertThat(s.factors()).extracting(Factor::points).containsExactly(1, 0, 3, 4, 7, 100);
        assertThat(PriorityScore.of(new Facts("ESSENTIAL", "MEDICAL_SUPPLIES", false, "SMALL", "420502", 3), heavyHubei)
                .factors()).extracting(Factor::points).containsExactly(1, 2, 0, 0, 7, 0);
        assertThatThrownBy(() -> new Weights(1, 1, Set.of(), 1, 1, 1, 0, 1, "42"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void cashLeftPointsRoundHalfEven() {
        // 20 × (30 − 27) / 30 = 2; 20 × (30 − 29) / 30 = 0.67 → 1; 5 × (4 − 3) / 4 = 1.25 → 1; 10 × (4 − 3) / 4 = 2.5 → 2
        assertThat(PriorityScore.cashLeftPoints(27, DEFAULTS)).isEqualTo(2);
        assertThat(PriorityScore.cashLeftPoints(29, DEFAULTS)).isEqualTo(1);
        Weights small = new Weights(0, 0, Set.of(), 0, 0, 5, 4, 0, "42");
        assertThat(PriorityScore.cashLeftPoints(3, small)).isEqualTo(1);
        assertThat(PriorityScore.cashLeftPoints(3, new Weights(0, 0, Set.of(), 0, 0, 10, 4, 0, "42"))).isEqualTo(2);
    }

    @Property(seed = "14")
    void cashLeftPointsNeverRiseWithMoreDaysAndStayWithinTheirWeight(@ForAll @IntRange(min = 0, max = 4000) int days,
            @ForAll @IntRange(min = 0, max = 100) int weight, @ForAll @IntRange(min = 1, max = 365) int horizon) {
        Weights w = new Weights(0, 0, Set.of(), 0, 0, weight, horizon, 0, "42");
        int here = PriorityScore.cashLeftPoints(days, w);
        assertThat(here).isBetween(0, weight);
        assertThat(PriorityScore.cashLeftPoints(days + 1, w)).isLessThanOrEqualTo(here);
        assertThat(PriorityScore.cashLeftPoints(0, w)).isEqualTo(weight);
        if (days >= horizon) {
            assertThat(here).isZero();
        }
    }

    @Property(seed = "14")
    void theTotalIsTheSumOfTheFactorsShown(@ForAll @IntRange(min = 0, max = 400) int days, @ForAll boolean key,
            @ForAll boolean essential, @ForAll boolean hubei) {
        Score s = PriorityScore.of(new Facts(essential ? "ESSENTIAL" : "KEY_INDUSTRY", "MEDICAL_SUPPLIES", key, "MICRO",
                hubei ? "420102" : "110101", days), DEFAULTS);
        assertThat(s.total()).isEqualTo(s.factors().stream().mapToInt(Factor::points).sum());
    }
}
