package org.fugong.logistics.pass;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Stand-in for {@code org.fugong.platform.standards.VehiclePlate}, which is being written in
 * platform-core: the same static API, so the merge swaps the class name and deletes this file.
 * GA 36-2018 plates: a province character, a letter (no I, O), then five letters or digits with
 * the last possibly 挂/学/警/港/澳; new-energy plates have six after the letter — small ones
 * {@code D}/{@code F} + a letter or digit + four digits, large ones five digits + {@code D}/{@code F}.
 */
final class PlateCheck {

    private static final String PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼";
    private static final String LETTER = "[A-HJ-NP-Z]";
    private static final String LETTER_OR_DIGIT = "[A-HJ-NP-Z0-9]";
    private static final Pattern PLATE = Pattern.compile("[" + PROVINCES + "]" + LETTER + "(?:"
            + LETTER_OR_DIGIT + "{5}" + "|" + LETTER_OR_DIGIT + "{4}[挂学警港澳]"
            + "|[DF]" + LETTER_OR_DIGIT + "[0-9]{4}" + "|[0-9]{5}[DF])");

    private PlateCheck() {
    }

    /** The plate upper-cased, half-width, without spaces or separator dots; empty when it is not a plate. */
    static Optional<String> normalise(String plate) {
        if (plate == null) {
            return Optional.empty();
        }
        StringBuilder out = new StringBuilder(plate.length());
        for (char c : plate.toCharArray()) {
            if (c >= '\uFF01' && c <= '\uFF5E') {
                c = (char) (c - 0xFEE0); // full-width ASCII to half-width
            }
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '·' || c == '•' || c == '-') {
                continue;
            }
            out.append(c);
        }
        String normalised = out.toString().toUpperCase(Locale.ROOT);
        return PLATE.matcher(normalised).matches() ? Optional.of(normalised) : Optional.empty();
    }
}
