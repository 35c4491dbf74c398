package org.fugong.logistics.pass;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The stand-ins for platform-core's VehiclePlate and ResidentId, checked at the boundaries the
 * pass endpoint depends on; the platform classes carry the full property tests.
 */
class PlaceholderChecksTest {

    @ParameterizedTest
    @CsvSource({
            "鄂A12345, 鄂A12345",
            "浙 a 1234 5, 浙A12345",
            "京Ａ１２３４５, 京A12345",      // full-width letters and digits
            "京A·12345, 京A12345",
            "粤B1234挂, 粤B1234挂",
            "粤Z1234港, 粤Z1234港",
            "沪AD12345, 沪AD12345",         // small new-energy: D + letter or digit + 4 digits
            "沪AFK1234, 沪AFK1234",
            "苏E12345D, 苏E12345D",         // large new-energy: 5 digits + D/F
            "川A12345F, 川A12345F" })
    void platesAreNormalisedAndAccepted(String plate, String normalised) {
        assertThat(PlateCheck.normalise(plate)).contains(normalised);
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "A12345", "鄂I12345", "鄂O12345", "鄂A1234", "鄂A1234567", "鄂AO2345",
            "鄂A1234挂5", "XA12345", "沪AD1234K", "苏E1234D5", "沪AX12345", "鄂A12345挂" })
    void nonPlatesAreRejected(String plate) {
        assertThat(PlateCheck.normalise(plate)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "11010519491231002X", "420102199003071232" })
    void residentIdsWithTheirCheckCharacterAreValid(String id) {
        assertThat(IdCheck.isValid(id, LocalDate.of(2020, 2, 25))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "110105194912310021",   // wrong check character
            "11010519491231002x",   // lower case (callers upper-case first)
            "1101051949123100",     // too short
            "00010519491231002X",   // no province 00
            "110105194902300020",   // 30 February, with the right check character
            "11010520300101001X" }) // born in the future, with the right check character
    void otherIdsAreNot(String id) {
        assertThat(IdCheck.isValid(id, LocalDate.of(2020, 2, 25))).isFalse();
    }
}
