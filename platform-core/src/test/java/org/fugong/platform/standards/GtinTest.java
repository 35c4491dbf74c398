package org.fugong.platform.standards;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GtinTest {

    @ParameterizedTest
    @ValueSource(strings = { "96385074", "036000291452", "4006381333931", "6901234567892", "10012345678902" })
    void validNumbersOfEveryLength(String gtin) {
        assertThat(Gtin.problem(gtin)).isEmpty();
    }

    @Test
    void everySingleDigitChangeIsCaught() {
        String valid = "6901234567892";
        for (int i = 0; i < valid.length(); i++) {
            for (char d = '0'; d <= '9'; d++) {
                if (d != valid.charAt(i)) {
                    String changed = valid.substring(0, i) + d + valid.substring(i + 1);
                    assertThat(Gtin.problem(changed)).as(changed).contains("check digit does not match");
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "1234567", "123456789", "69012345678A2", "690123456789012" })
    void wrongShapesAreRejected(String gtin) {
        assertThat(Gtin.problem(gtin)).contains("must be 8, 12, 13 or 14 digits");
    }
}
