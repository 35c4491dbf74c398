package org.fugong.platform.standards;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The 18-character citizen identity number of GB 11643-1999: a six-digit GB/T 2260 address code,
 * the birth date as YYYYMMDD, a three-digit sequence number, and an ISO 7064 MOD 11-2 check
 * character (a digit or X for ten).
 */
public final class ResidentId {

    private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

    /*
     * Only the province level of the address code is checked. The county part is the county where
     * the number was first issued and never changes, so numbers carrying codes of counties that
     * have since been merged or abolished (Beijing's 110103 Chongwen, 110104 Xuanwu, ...) are
     * still in use; a full GB/T 2260 table would refuse real people.
     */
    private static final Set<String> PROVINCE_CODES = Set.of(
            "11", "12", "13", "14", "15",
            "21", "22", "23",
            "31", "32", "33", "34", "35", "36", "37",
            "41", "42", "43", "44", "45", "46",
            "50", "51", "52", "53", "54",
            "61", "62", "63", "64", "65",
            "71", // Taiwan
            "81", // Hong Kong
            "82"); // Macao

    // The standard itself shows an 1880 birth date, but a date before 1900 in a number presented today
    // is far likelier a typing error than a living person.
    private static final LocalDate EARLIEST_BIRTH_DATE = LocalDate.of(1900, 1, 1);

    private ResidentId() {
    }

    /**
     * Whether the number is a well-formed identity number: 17 digits and a check character (X may be
     * written x), the check character matching, a known province code, and a real birth date no
     * earlier than 1900-01-01 and not after {@code today}.
     */
    public static boolean isValid(String id, LocalDate today) {
        Objects.requireNonNull(today, "today");
        if (!hasShape(id) || !PROVINCE_CODES.contains(id.substring(0, 2))) {
            return false;
        }
        if (Character.toUpperCase(id.charAt(17)) != checkCharacter(id.substring(0, 17))) {
            return false;
        }
        return birthDate(id)
                .filter(born -> !born.isBefore(EARLIEST_BIRTH_DATE) && !born.isAfter(today))
                .isPresent();
    }

    /**
     * The birth date in characters 7–14 when the input has the shape of an identity number and they
     * form a real calendar date; empty otherwise. Does not look at the check character, the province
     * or the date range: use {@link #isValid} for those.
     */
    public static Optional<LocalDate> birthDate(String id) {
        if (!hasShape(id)) {
            return Optional.empty();
        }
        int year = Integer.parseInt(id.substring(6, 10));
        int month = Integer.parseInt(id.substring(10, 12));
        int day = Integer.parseInt(id.substring(12, 14));
        try {
            return Optional.of(LocalDate.of(year, month, day));
        } catch (DateTimeException notACalendarDate) {
            return Optional.empty();
        }
    }

    /**
     * The MOD 11-2 check character for the first 17 digits: '0'–'9' or 'X'.
     *
     * @throws IllegalArgumentException unless the argument is exactly 17 ASCII digits
     */
    public static char checkCharacter(String first17) {
        if (first17 == null || first17.length() != 17 || !allDigits(first17, 17)) {
            throw new IllegalArgumentException("needs 17 digits");
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        int check = (12 - sum % 11) % 11;
        return check == 10 ? 'X' : (char) ('0' + check);
    }

    private static boolean hasShape(String id) {
        if (id == null || id.length() != 18 || !allDigits(id, 17)) {
            return false;
        }
        char check = id.charAt(17);
        return isDigit(check) || check == 'X' || check == 'x';
    }

    private static boolean allDigits(String s, int count) {
        for (int i = 0; i < count; i++) {
            if (!isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    // Not Character.isDigit: that also accepts other scripts' digits, which Integer.parseInt reads.
    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
