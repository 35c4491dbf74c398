package org.fugong.platform.standards;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class VehiclePlateTest {

    // The test's own copies of the standard's alphabets, so a typo in the class cannot agree with itself.
    static final String PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼";
    static final String LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    static final String DIGITS = "0123456789";
    static final String SUFFIXES = "挂学警港澳";
    static final long SEED = 3620_2018L;

    @ParameterizedTest
    @ValueSource(strings = { "京A12345", "沪BX7Z9A", "粤ZABCDE", "川A0000Y", "琼E9H8K7" })
    void ordinaryPlatesAreValid(String plate) {
        assertThat(VehiclePlate.normalise(plate)).contains(plate);
    }

    @ParameterizedTest
    @ValueSource(strings = { "京A1234挂", "京A123Y学", "京A0001警", "粤Z1234港", "粤ZA123澳" })
    void ordinaryPlatesMayEndInASuffixCharacter(String plate) {
        assertThat(VehiclePlate.normalise(plate)).contains(plate);
    }

    @ParameterizedTest
    @ValueSource(strings = { "京AD12345", "京AF12345", "京AFA1234", "沪BDZ0000" })
    void smallNewEnergyPlatesAreValid(String plate) {
        assertThat(VehiclePlate.normalise(plate)).contains(plate);
    }

    @ParameterizedTest
    @ValueSource(strings = { "京A12345D", "沪B00000F" })
    void largeNewEnergyPlatesAreValid(String plate) {
        assertThat(VehiclePlate.normalise(plate)).contains(plate);
    }

    @Test
    void everyOneOfTheThirtyOneProvincesIsAccepted() {
        assertThat(PROVINCES.chars().distinct().count()).isEqualTo(31);
        for (char province : PROVINCES.toCharArray()) {
            assertThat(VehiclePlate.isValid(province + "A12345")).as("%s", province).isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "京a12345", "京A·12345", "京A•12345", "京 A 1 2 3 4 5", " 京A12345 ", "京\u3000A12345",
            "京Ａ１２３４５", "京ａ１２３４５", "\u3000京ａ·１２ ３４５ " })
    void spacesTheMiddleDotFullWidthAndLowerCaseAreNormalisedAway(String written) {
        assertThat(VehiclePlate.normalise(written)).contains("京A12345");
        assertThat(VehiclePlate.isValid(written)).isTrue();
    }

    @Test
    void newEnergyAndSuffixPlatesNormaliseToo() {
        assertThat(VehiclePlate.normalise("京ａ·ｄｆ１２３４")).contains("京ADF1234");
        assertThat(VehiclePlate.normalise("京A 12345d")).contains("京A12345D");
        assertThat(VehiclePlate.normalise("粤Z·1234 港")).contains("粤Z1234港");
    }

    @ParameterizedTest
    @ValueSource(strings = { "京·A12345", "京A1·2345", "京A12345·", "京A··12345", "·京A12345" })
    void aMiddleDotAnywhereButAfterTheIssuingOfficeIsRefused(String written) {
        assertThat(VehiclePlate.normalise(written)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "京A12345", "京AB1C2D", "京A1234挂", "京AD12345", "京AFA1234", "京A12345D" })
    void iAndOAreRefusedInEveryPosition(String valid) {
        for (int position = 1; position < valid.length(); position++) {
            for (String letter : List.of("I", "O", "i", "o", "Ｉ", "Ｏ")) {
                String changed = valid.substring(0, position) + letter + valid.substring(position + 1);
                assertThat(VehiclePlate.normalise(changed)).as(changed).isEmpty();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "京A1234", "京AB12345", "京A1234567", "京A123456" })
    void ordinaryPlatesOfTheWrongLengthAreRefused(String plate) {
        // 4 and 6 characters after the issuing office's letter (5 and 7 after the province), and 8 after the province.
        assertThat(VehiclePlate.normalise(plate)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "京AD123456", "京AFA12345", "京A123456D", "京AD1234567", "京A1234567F" })
    void newEnergyPlatesOfTheWrongLengthAreRefused(String plate) {
        assertThat(VehiclePlate.normalise(plate)).isEmpty();
    }

    @Test
    void aNewEnergyPlateOneCharacterShortHasTheShapeOfAnOrdinaryPlate() {
        // Five characters after the letter are always an ordinary serial if they are letters and digits,
        // so a "new-energy plate one short" cannot be refused: it is read as the ordinary plate it spells.
        assertThat(VehiclePlate.normalise("京AD1234")).contains("京AD1234");
        assertThat(VehiclePlate.normalise("京A1234D")).contains("京A1234D");
    }

    @ParameterizedTest
    @ValueSource(strings = { "港A12345", "台A12345", "北A12345", "AA12345", "1A12345", "使A12345", "京" })
    void anUnknownProvinceIsRefused(String plate) {
        assertThat(VehiclePlate.normalise(plate)).isEmpty();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = { " ", "\u3000\u3000", "·", "京A" })
    void nothingIsNotAPlate(String plate) {
        assertThat(VehiclePlate.normalise(plate)).isEmpty();
        assertThat(VehiclePlate.isValid(plate)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = { "粤BF1A234", "京AD1234A", "京ADAA234", "京AFA123B" })
    void aSmallNewEnergyPlateNeedsFourDigitsAtTheEnd(String plate) {
        assertThat(VehiclePlate.normalise(plate)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "京A12D345", "京A1234D5", "京AD2345D", "京A1234AD", "京A12345A" })
    void aLargeNewEnergyPlateIsFiveDigitsThenDOrF(String plate) {
        assertThat(VehiclePlate.normalise(plate)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "京A挂1234", "京A12挂34", "京AD1234挂", "京A12345挂", "京挂12345", "京A1234使", "京A1234领" })
    void suffixCharactersOnlyEndAnOrdinaryPlate(String plate) {
        assertThat(VehiclePlate.normalise(plate)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "京112345", "京A12345\t", "京A1234٥" })
    void otherCharactersAreRefused(String plate) {
        // A digit where the issuing office's letter goes; tabs are not spaces here; Arabic-Indic digits are not digits.
        assertThat(VehiclePlate.normalise(plate)).isEmpty();
    }

    @Test
    void generatedPlatesOfEveryShapeAreAcceptedAndNormaliseToThemselves() {
        Random random = new Random(SEED);
        int checked = 0;
        for (int i = 0; i < 5_000; i++) {
            for (String plate : List.of(ordinary(random), ordinaryWithSuffix(random), smallNewEnergy(random),
                    largeNewEnergy(random))) {
                String message = plate + " (seed " + SEED + ", case " + i + ")";
                assertThat(VehiclePlate.normalise(plate)).as(message).contains(plate);
                assertThat(VehiclePlate.normalise(untidy(plate, random))).as(message).contains(plate);
                for (int position = 0; position < plate.length(); position++) {
                    for (char letter : new char[] { 'I', 'O' }) {
                        String changed = plate.substring(0, position) + letter + plate.substring(position + 1);
                        assertThat(VehiclePlate.isValid(changed)).as(changed + " from " + message).isFalse();
                    }
                }
                checked++;
            }
        }
        assertThat(checked).isEqualTo(20_000);
    }

    @Test
    void randomStringsAreAcceptedExactlyWhenTheStandardsPatternMatches() {
        // An independent statement of the rule, checked against strings that are mostly nearly plates.
        Pattern printedPlate = Pattern.compile("[" + PROVINCES + "][A-HJ-NP-Z]"
                + "([A-HJ-NP-Z0-9]{4}[A-HJ-NP-Z0-9" + SUFFIXES + "]|[DF][A-HJ-NP-Z0-9][0-9]{4}|[0-9]{5}[DF])");
        String alphabet = "0123456789012345678901234567890123456789ABDFIOZDF" + SUFFIXES + "京台·";
        Random random = new Random(SEED);
        int accepted = 0;
        for (int i = 0; i < 50_000; i++) {
            StringBuilder candidate = new StringBuilder();
            candidate.append(random.nextInt(10) == 0 ? 'X' : pick(PROVINCES, random));
            candidate.append(random.nextInt(10) == 0 ? pick("IO1", random) : pick(LETTERS, random));
            int length = 4 + random.nextInt(4);
            for (int j = 0; j < length; j++) {
                candidate.append(pick(alphabet, random));
            }
            String plate = candidate.toString();
            // The one middle dot normalise forgives is the one right after the letter.
            String printed = plate.charAt(2) == '·' ? plate.substring(0, 2) + plate.substring(3) : plate;
            boolean expected = printedPlate.matcher(printed).matches();
            assertThat(VehiclePlate.isValid(plate)).as(plate + " (seed " + SEED + ", case " + i + ")").isEqualTo(expected);
            if (expected) {
                accepted++;
            }
        }
        // The generator must produce both answers often enough for the comparison to mean something.
        assertThat(accepted).isBetween(1_000, 49_000);
    }

    private static String ordinary(Random random) {
        return prefix(random) + pickN(LETTERS + DIGITS, 5, random);
    }

    private static String ordinaryWithSuffix(Random random) {
        return prefix(random) + pickN(LETTERS + DIGITS, 4, random) + pick(SUFFIXES, random);
    }

    private static String smallNewEnergy(Random random) {
        return prefix(random) + pick("DF", random) + pick(LETTERS + DIGITS, random) + pickN(DIGITS, 4, random);
    }

    private static String largeNewEnergy(Random random) {
        return prefix(random) + pickN(DIGITS, 5, random) + pick("DF", random);
    }

    private static String prefix(Random random) {
        return "" + pick(PROVINCES, random) + pick(LETTERS, random);
    }

    /** The plate as someone might type it: spaces, a middle dot after the letter, full width, lower case. */
    private static String untidy(String plate, Random random) {
        StringBuilder typed = new StringBuilder();
        for (int i = 0; i < plate.length(); i++) {
            if (i == 2 && random.nextBoolean()) {
                typed.append(random.nextBoolean() ? '·' : '•');
            }
            if (random.nextInt(4) == 0) {
                typed.append(random.nextBoolean() ? ' ' : '\u3000');
            }
            char c = plate.charAt(i);
            if (c >= 'A' && c <= 'Z' && random.nextBoolean()) {
                c = Character.toLowerCase(c);
            }
            if (c < 0x7F && random.nextBoolean()) {
                c = (char) (c - '!' + '\uFF01');
            }
            typed.append(c);
        }
        return typed.toString();
    }

    private static String pickN(String from, int count, Random random) {
        StringBuilder picked = new StringBuilder();
        for (int i = 0; i < count; i++) {
            picked.append(pick(from, random));
        }
        return picked.toString();
    }

    private static char pick(String from, Random random) {
        return from.charAt(random.nextInt(from.length()));
    }
}
