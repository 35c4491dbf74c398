package org.fugong.platform.standards;

import java.util.Optional;

/**
 * GS1 Global Trade Item Numbers: 8, 12, 13 or 14 digits whose last digit is a mod-10 check over
 * the others, weighted 3, 1, 3, ... from the right.
 */
public final class Gtin {

    private Gtin() {
    }

    /** What is wrong with the number, or empty when it is a valid GTIN. */
    public static Optional<String> problem(String gtin) {
        if (gtin == null || !gtin.matches("\\d{8}|\\d{12}|\\d{13}|\\d{14}")) {
            return Optional.of("must be 8, 12, 13 or 14 digits");
        }
        int expected = checkDigit(gtin.substring(0, gtin.length() - 1));
        if (gtin.charAt(gtin.length() - 1) - '0' != expected) {
            return Optional.of("check digit does not match");
        }
        return Optional.empty();
    }

    /** The check digit for the digits before it. */
    public static int checkDigit(String digits) {
        int sum = 0;
        for (int i = digits.length() - 1, weight = 3; i >= 0; i--, weight = 4 - weight) {
            sum += (digits.charAt(i) - '0') * weight;
        }
        return (10 - sum % 10) % 10;
    }
}
