package org.fugong.registry.enterprise;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SizeClassTest {

    @ParameterizedTest(name = "{0} employees, {1} CNY -> {2}")
    @CsvSource({
            "1000, 400000000.00, LARGE",
            "999, 400000000.00, MEDIUM",
            "1000, 399999999.99, MEDIUM",
            "300, 20000000.00, MEDIUM",
            "299, 20000000.00, SMALL",
            "300, 19999999.99, SMALL",
            "20, 3000000.00, SMALL",
            "19, 3000000.00, MICRO",
            "20, 2999999.99, MICRO",
            "0, 0.00, MICRO",
            "100000, 1.00, MICRO",
            "5, 900000000.00, MICRO" })
    void sizeNeedsBothTheEmployeeAndTheRevenueFloor(int employees, String revenue, SizeClass expected) {
        assertThat(SizeClass.of(employees, new BigDecimal(revenue))).isEqualTo(expected);
    }
}
