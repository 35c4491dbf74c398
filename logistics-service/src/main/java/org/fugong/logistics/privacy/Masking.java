package org.fugong.logistics.privacy;

/**
 * How logistics shows a person's data to those who may know that someone is there but not who: a
 * driver on a pass or a charter trip, a passenger on a manifest. The name keeps its first
 * character, a phone its first three and last four digits, an ID number its first six (the county
 * of issue) and last four.
 */
public final class Masking {

    private Masking() {
    }

    public static String name(String name) {
        if (name == null || name.isEmpty()) {
            return name;
        }
        int first = name.offsetByCodePoints(0, 1);
        return name.substring(0, first) + "*".repeat(Math.max(1, name.codePointCount(first, name.length())));
    }

    public static String phone(String phone) {
        return keepEnds(phone, 3, 4);
    }

    public static String idNumber(String idNumber) {
        return keepEnds(idNumber, 6, 4);
    }

    /** A value too short to keep both ends is starred whole: keeping them would show all of it. */
    static String keepEnds(String value, int head, int tail) {
        if (value == null) {
            return null;
        }
        if (value.length() <= head + tail) {
            return "*".repeat(value.length());
        }
        return value.substring(0, head) + "*".repeat(value.length() - head - tail)
                + value.substring(value.length() - tail);
    }
}
