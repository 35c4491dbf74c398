package org.fugong.logistics.pass;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Set;

/**
 * Stand-in for {@code org.fugong.platform.standards.ResidentId}, which is being written in
 * platform-core: the same static API, so the merge swaps the class name and deletes this file.
 * GB 11643-1999: 18 characters, a province in the first two digits (the full county is not checked:
 * abolished county codes live on in real numbers), a real birth date not after today, and the ISO
 * 7064 MOD 11-2 check character ({@code X} for 10). Expects upper case.
 */
final class IdCheck {

    private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
    private static final Set<String> PROVINCES = Set.of("11", "12", "13", "14", "15", "21", "22", "23", "31", "32",
            "33", "34", "35", "36", "37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62",
            "63", "64", "65", "71", "81", "82");

    private IdCheck() {
    }

    static boolean isValid(String number, LocalDate today) {
        if (number == null || !number.matches("[0-9]{17}[0-9X]") || !PROVINCES.contains(number.substring(0, 2))) {
            return false;
        }
        try {
            LocalDate born = LocalDate.of(Integer.parseInt(number.substring(6, 10)),
                    Integer.parseInt(number.substring(10, 12)), Integer.parseInt(number.substring(12, 14)));
            if (born.isAfter(today) || born.getYear() < 1800) {
                return false;
            }
        } catch (DateTimeException e) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (number.charAt(i) - '0') * WEIGHTS[i];
        }
        int check = (12 - sum % 11) % 11;
        return number.charAt(17) == (check == 10 ? 'X' : (char) ('0' + check));
    }
}
