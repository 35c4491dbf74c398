package org.fugong.registry.health;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OutbreakRuleTest {

    @ParameterizedTest(name = "confirmed {0}, suspected {1}, threshold {2} -> {3}")
    @CsvSource({
            "0, 0, 3, ''", "1, 0, 3, CONFIRMED_CASE", "0, 2, 3, ''", "0, 3, 3, SUSPECTED_CASES_AT_THRESHOLD",
            "2, 5, 3, CONFIRMED_CASE", "0, 1, 1, SUSPECTED_CASES_AT_THRESHOLD" })
    void alerts(int confirmed, int suspected, int threshold, String expected) {
        assertThat(OutbreakRule.alertFor(confirmed, suspected, threshold).orElse("")).isEqualTo(expected);
    }
}
