package org.fugong.platform.standards;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UsccTest {

    static final String VALID = "91110000600037341L";

    @Test
    void theStandardsExampleIsValid() {
        assertThat(Uscc.problem(VALID)).isEmpty();
    }

    @Test
    void everySingleCharacterChangeIsRejected() {
        List<String> accepted = new ArrayList<>();
        int tried = 0;
        for (int position = 0; position < VALID.length(); position++) {
            for (char c : "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ".toCharArray()) {
                if (c == VALID.charAt(position)) {
                    continue;
                }
                String changed = VALID.substring(0, position) + c + VALID.substring(position + 1);
                tried++;
                if (Uscc.isValid(changed)) {
                    accepted.add(changed);
                }
            }
        }
        assertThat(tried).isEqualTo(18 * 35);
        assertThat(accepted).isEmpty();
    }

    @Test
    void lowerCaseIsNormalisedToUpperCase() {
        String normalised = Uscc.normalise("  91110000600037341l ");
        assertThat(normalised).isEqualTo(VALID);
        assertThat(Uscc.isValid(normalised)).isTrue();
    }

    @Test
    void aCheckValueOfThirtyOneBecomesZero() {
        // Build a code whose weighted sum is divisible by 31: its check character must be '0'.
        String body = "9111000060003734";
        for (char c : Uscc.ALPHABET.toCharArray()) {
            String candidate = body + c;
            int sum = 0;
            int[] weights = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };
            for (int i = 0; i < 17; i++) {
                sum += Uscc.ALPHABET.indexOf(candidate.charAt(i)) * weights[i];
            }
            if (sum % 31 == 0) {
                assertThat(Uscc.isValid(candidate + "0")).isTrue();
                assertThat(Uscc.isValid(candidate + "Y")).isFalse();
                return;
            }
        }
        throw new AssertionError("some 17th character makes the sum divisible by 31");
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "9111000060003734", "91110000600037341L0", "91110000600037341I", "9111000060003734IL",
            "91110000600037341-" })
    void malformedCodesAreRejectedWithAReason(String code) {
        assertThat(Uscc.problem(code)).isPresent();
    }

    @Test
    void theReasonSaysWhatIsWrong() {
        assertThat(Uscc.problem("123")).contains("must be 18 characters");
        assertThat(Uscc.problem("91110000600037341M")).contains("check character does not match");
        assertThat(Uscc.problem("9111000060003734OL").orElseThrow()).startsWith("character 17 is not allowed");
    }
}
