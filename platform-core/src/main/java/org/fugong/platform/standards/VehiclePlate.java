package org.fugong.platform.standards;

import java.util.Optional;

/**
 * Chinese motor-vehicle number plates of GA 36-2018: a province abbreviation, the letter of the
 * issuing office, then either five letters or digits (an ordinary plate, whose last character may
 * be 挂, 学, 警, 港 or 澳) or six characters in one of the two new-energy shapes — D or F, a letter
 * or digit, four digits (small vehicles) or five digits, then D or F (large vehicles). Letters are
 * A–Z without I and O, which the standard leaves out because they read as 1 and 0.
 */
public final class VehiclePlate {

    private static final String PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼";
    private static final String LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final String ORDINARY_SUFFIXES = "挂学警港澳";
    private static final String NEW_ENERGY_MARKS = "DF";
    private static final int FULL_WIDTH_OFFSET = 0xFF01 - '!';

    private VehiclePlate() {
    }

    /**
     * The plate as it is printed, or empty when the input is not a plate. Removes ASCII and
     * ideographic spaces anywhere and one middle dot (· or •) between the second and third
     * characters — where people write it, after the issuing office; a dot anywhere else is not
     * part of any plate, so the input is refused. Full-width letters and digits become half-width
     * and Latin letters upper case, since input methods produce both.
     */
    public static Optional<String> normalise(String plate) {
        if (plate == null) {
            return Optional.empty();
        }
        StringBuilder printed = new StringBuilder(plate.length());
        for (int i = 0; i < plate.length(); i++) {
            char c = plate.charAt(i);
            if (c == ' ' || c == '\u3000') {
                continue;
            }
            if (c >= '\uFF01' && c <= '\uFF5E') {
                c = (char) (c - FULL_WIDTH_OFFSET);
            }
            if (c >= 'a' && c <= 'z') {
                c = (char) (c - 'a' + 'A');
            }
            printed.append(c);
        }
        if (printed.length() > 2 && isMiddleDot(printed.charAt(2))) {
            printed.deleteCharAt(2);
        }
        String candidate = printed.toString();
        return isPrintedPlate(candidate) ? Optional.of(candidate) : Optional.empty();
    }

    /** Whether {@link #normalise} finds a plate in the input (spaces, dot, width and case forgiven). */
    public static boolean isValid(String plate) {
        return normalise(plate).isPresent();
    }

    private static boolean isPrintedPlate(String plate) {
        if (plate.length() < 2 || PROVINCES.indexOf(plate.charAt(0)) < 0 || !isLetter(plate.charAt(1))) {
            return false;
        }
        String serial = plate.substring(2);
        return isOrdinarySerial(serial) || isSmallNewEnergySerial(serial) || isLargeNewEnergySerial(serial);
    }

    private static boolean isOrdinarySerial(String serial) {
        if (serial.length() != 5) {
            return false;
        }
        for (int i = 0; i < 4; i++) {
            if (!isLetterOrDigit(serial.charAt(i))) {
                return false;
            }
        }
        char last = serial.charAt(4);
        return isLetterOrDigit(last) || ORDINARY_SUFFIXES.indexOf(last) >= 0;
    }

    private static boolean isSmallNewEnergySerial(String serial) {
        return serial.length() == 6
                && NEW_ENERGY_MARKS.indexOf(serial.charAt(0)) >= 0
                && isLetterOrDigit(serial.charAt(1))
                && allDigits(serial, 2, 6);
    }

    private static boolean isLargeNewEnergySerial(String serial) {
        return serial.length() == 6
                && allDigits(serial, 0, 5)
                && NEW_ENERGY_MARKS.indexOf(serial.charAt(5)) >= 0;
    }

    private static boolean allDigits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isLetterOrDigit(char c) {
        return isDigit(c) || isLetter(c);
    }

    private static boolean isLetter(char c) {
        return LETTERS.indexOf(c) >= 0;
    }

    // Not Character.isDigit: that also accepts Arabic-Indic and other scripts' digits.
    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isMiddleDot(char c) {
        return c == '\u00B7' || c == '\u2022';
    }
}
