package org.fugong.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RegionScopeTest {

    @ParameterizedTest(name = "{0} covers {1}: {2}")
    @CsvSource({ "42, 420102, true", "420000, 420102, true", "4201, 420102, true", "420100, 420102, true",
            "420102, 420102, true", "4201, 420202, false", "42, 330106, false", "4, 420102, false",
            "42000, 420102, false", "'', 420102, false" })
    void scopesArePrefixes(String scope, String code, boolean covered) {
        assertThat(RegionScope.covers(scope, code)).isEqualTo(covered);
    }

    @ParameterizedTest
    @CsvSource({ "420000, 42", "420100, 4201", "420102, 420102", "42, 42", "110000, 11" })
    void fullCodesShortenToTheirPrefix(String code, String prefix) {
        assertThat(RegionScope.prefixOf(code)).isEqualTo(prefix);
    }
}
