package org.fugong.registry.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.fugong.registry.enterprise.ResumptionStatus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResumptionProgressTest {

    @ParameterizedTest(name = "{0} at {1}% -> {2}")
    @CsvSource({
            "RESUMING, 80, RESUMED", "RESUMING, 79.99, RESUMING", "RESUMING, 100, RESUMED",
            "RESUMED, 50, RESUMING", "RESUMING, 0.01, RESUMING", "RESUMING, 0, RESUMING",
            "RESUMED, 0, HALTED", "HALTED, 0, HALTED", "HALTED, 10, RESUMING", "NOT_RESUMED, 90, RESUMED" })
    void capacityDrivesTheStatus(ResumptionStatus current, String capacity, ResumptionStatus expected) {
        assertThat(ResumptionProgress.after(current, new BigDecimal(capacity), new BigDecimal("80")))
                .isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({ "60, 60, RESUMED", "60, 59.5, RESUMING" })
    void theThresholdIsConfigurable(String threshold, String capacity, ResumptionStatus expected) {
        assertThat(ResumptionProgress.after(ResumptionStatus.RESUMING, new BigDecimal(capacity),
                new BigDecimal(threshold))).isEqualTo(expected);
    }
}
