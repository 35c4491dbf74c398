package org.fugong.platform.standards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ResidentIdTest {

    static final LocalDate TODAY = LocalDate.of(2025, 6, 30);
    // GB 11643-1999's own example; its check character is X.
    static final String CHECK_X = "11010519491231002X";
    static final String CHECK_DIGIT = "440301199001011234";
    static final List<String> PROVINCES = List.of("11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33",
            "34", "35", "36", "37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63",
            "64", "65", "71", "81", "82");
    static final long SEED = 11643_1999L;

    @Test
    void knownNumbersAreValid() {
        assertThat(ResidentId.isValid(CHECK_X, TODAY)).isTrue();
        assertThat(ResidentId.isValid(CHECK_DIGIT, TODAY)).isTrue();
        assertThat(ResidentId.checkCharacter(CHECK_X.substring(0, 17))).isEqualTo('X');
        assertThat(ResidentId.checkCharacter(CHECK_DIGIT.substring(0, 17))).isEqualTo('4');
        assertThat(ResidentId.birthDate(CHECK_X)).contains(LocalDate.of(1949, 12, 31));
    }

    @Test
    void aLowerCaseXIsAnX() {
        assertThat(ResidentId.isValid("11010519491231002x", TODAY)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { CHECK_X, CHECK_DIGIT })
    void everyWrongCheckCharacterIsRefused(String valid) {
        int refused = 0;
        for (char check : "0123456789Xx".toCharArray()) {
            if (Character.toUpperCase(check) == valid.charAt(17)) {
                continue;
            }
            String changed = valid.substring(0, 17) + check;
            assertThat(ResidentId.isValid(changed, TODAY)).as(changed).isFalse();
            refused++;
        }
        assertThat(refused).isGreaterThanOrEqualTo(10);
    }

    @Test
    void theTwentyNinthOfFebruaryExistsOnlyInLeapYears() {
        assertThat(ResidentId.isValid(withCheck("11010319960229123"), TODAY)).isTrue();
        assertThat(ResidentId.isValid(withCheck("11010320000229123"), TODAY)).as("2000 divides by 400").isTrue();
        assertThat(ResidentId.isValid(withCheck("11010319990229123"), TODAY)).isFalse();
        assertThat(ResidentId.isValid(withCheck("11010319000229123"), TODAY)).as("1900 is a century").isFalse();
        assertThat(ResidentId.birthDate(withCheck("11010319990229123"))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "31011519880431001", "31011519881301001", "31011519880001001", "31011519880100001",
            "31011519880132001" })
    void impossibleDatesAreRefused(String first17) {
        // 31 April, month 13, month 0, day 0, 32 January.
        assertThat(ResidentId.isValid(withCheck(first17), TODAY)).isFalse();
        assertThat(ResidentId.birthDate(withCheck(first17))).isEmpty();
    }

    @Test
    void theBirthDateMayBeTodayButNotTomorrow() {
        String bornOn15March2024 = "11010320240315123X";
        assertThat(ResidentId.isValid(bornOn15March2024, LocalDate.of(2024, 3, 15))).isTrue();
        assertThat(ResidentId.isValid(bornOn15March2024, LocalDate.of(2024, 3, 14))).isFalse();
    }

    @Test
    void birthDatesBefore1900AreRefused() {
        assertThat(ResidentId.isValid(withCheck("11010519000101123"), TODAY)).isTrue();
        assertThat(ResidentId.isValid(withCheck("11010518991231123"), TODAY)).isFalse();
        // The standard's second example has a correct check character but a birth date in 1880.
        assertThat(ResidentId.isValid("440524188001010014", TODAY)).isFalse();
        assertThat(ResidentId.birthDate("440524188001010014")).contains(LocalDate.of(1880, 1, 1));
    }

    @ParameterizedTest
    @ValueSource(strings = { "10", "20", "99", "00", "16", "24", "38", "47", "55", "66", "70", "72", "80", "83", "91" })
    void unknownProvinceCodesAreRefused(String province) {
        assertThat(ResidentId.isValid(withCheck(province + "010519491231002"), TODAY)).isFalse();
    }

    @Test
    void everyProvinceLevelCodeIsAccepted() {
        for (String province : PROVINCES) {
            assertThat(ResidentId.isValid(withCheck(province + "010519491231002"), TODAY)).as(province).isTrue();
        }
        assertThat(PROVINCES).hasSize(34).doesNotHaveDuplicates();
    }

    @Test
    void abolishedCountyCodesLiveOnInRealNumbers() {
        // 110103 Chongwen and 110104 Xuanwu were merged into Dongcheng and Xicheng in 2010.
        assertThat(ResidentId.isValid(withCheck("11010319800101123"), TODAY)).isTrue();
        assertThat(ResidentId.isValid(withCheck("11010419800101123"), TODAY)).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = { "11010519491231002", "11010519491231002X0", "440301199001011234 ", " 11010519491231002X",
            "1101051949123100XX", "11010519491231002Y", "11010519491231002-", "1101051949A231002X",
            "11010519491231００2X", "1101051949123١002X", "+1010519491231002X" })
    void malformedNumbersAreRefused(String id) {
        assertThat(ResidentId.isValid(id, TODAY)).as(id).isFalse();
        assertThat(ResidentId.birthDate(id)).isEmpty();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = { "1101051949123100", "110105194912310021", "1101051949123100X", "-1010519491231002" })
    void theCheckCharacterNeedsSeventeenDigits(String first17) {
        assertThatIllegalArgumentException().isThrownBy(() -> ResidentId.checkCharacter(first17));
    }

    @Test
    void appendingTheCheckCharacterAlwaysGivesAValidNumberAndEverySingleDigitChangeIsCaught() {
        Random random = new Random(SEED);
        long firstDay = LocalDate.of(1900, 1, 1).toEpochDay();
        int numbers = 5_000;
        int changes = 0;
        for (int i = 0; i < numbers; i++) {
            LocalDate born = LocalDate.ofEpochDay(firstDay + random.nextInt((int) (TODAY.toEpochDay() - firstDay + 1)));
            String first17 = PROVINCES.get(random.nextInt(PROVINCES.size())) + digits(4, random)
                    + String.format("%04d%02d%02d", born.getYear(), born.getMonthValue(), born.getDayOfMonth())
                    + digits(3, random);
            char check = ResidentId.checkCharacter(first17);
            String id = first17 + check;
            String message = id + " (seed " + SEED + ", case " + i + ")";
            assertThat(ResidentId.isValid(id, TODAY)).as(message).isTrue();
            assertThat(ResidentId.birthDate(id)).as(message).contains(born);

            for (int position = 0; position < 17; position++) {
                for (char digit = '0'; digit <= '9'; digit++) {
                    if (digit == first17.charAt(position)) {
                        continue;
                    }
                    String changed17 = first17.substring(0, position) + digit + first17.substring(position + 1);
                    // The check alone catches it, whatever the change does to the date or province.
                    assertThat(ResidentId.checkCharacter(changed17)).as(changed17 + " from " + message).isNotEqualTo(check);
                    assertThat(ResidentId.isValid(changed17 + check, TODAY)).as(changed17 + " from " + message).isFalse();
                    changes++;
                }
            }
        }
        assertThat(changes).isEqualTo(numbers * 17 * 9);
    }

    private static String withCheck(String first17) {
        return first17 + ResidentId.checkCharacter(first17);
    }

    private static String digits(int count, Random random) {
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < count; i++) {
            digits.append((char) ('0' + random.nextInt(10)));
        }
        return digits.toString();
    }
}
