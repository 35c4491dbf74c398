package org.fugong.platform.standards;

import java.util.Locale;
import java.util.Optional;

/**
 * The unified social credit code of GB 32100-2015: 18 characters from a 31-character alphabet
 * (digits and upper-case letters without I, O, S, V, Z); the 18th is a check character over the
 * first 17 with fixed weights. Positions 3–8 hold a GB/T 2260 region code.
 */
public final class Uscc {

    public static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };

    private Uscc() {
    }

    /** Upper-cases and trims the input; the result still needs {@link #problem}. */
    public static String normalise(String code) {
        return code == null ? null : code.strip().toUpperCase(Locale.ROOT);
    }

    /** What is wrong with a normalised code, or empty when it is valid. */
    public static Optional<String> problem(String code) {
        if (code == null || code.length() != 18) {
            return Optional.of("must be 18 characters");
        }
        for (int i = 0; i < 17; i++) {
            if (ALPHABET.indexOf(code.charAt(i)) < 0) {
                return Optional.of("character " + (i + 1) + " is not allowed (use 0-9 and A-Y without I, O, S, V)");
            }
        }
        if (!withCheckCharacter(code.substring(0, 17)).equals(code)) {
            return Optional.of("check character does not match");
        }
        return Optional.empty();
    }

    /** The full code for 17 valid leading characters: appends the check character. */
    public static String withCheckCharacter(String first17) {
        if (first17.length() != 17) {
            throw new IllegalArgumentException("needs 17 characters");
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int value = ALPHABET.indexOf(first17.charAt(i));
            if (value < 0) {
                throw new IllegalArgumentException("character " + (i + 1) + " is not allowed");
            }
            sum += value * WEIGHTS[i];
        }
        return first17 + ALPHABET.charAt((31 - sum % 31) % 31);
    }

    public static boolean isValid(String code) {
        return problem(code).isEmpty();
    }
}
