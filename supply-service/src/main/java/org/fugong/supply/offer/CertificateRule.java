package org.fugong.supply.offer;

import java.time.LocalDate;
import java.util.Locale;

/**
 * Whether an offer's certificate satisfies its item: an item naming a standard needs a
 * certificate to exactly that standard, with a number, valid on the day of allocation.
 */
public final class CertificateRule {

    private CertificateRule() {
    }

    public static boolean satisfied(String requiredStandard, String standard, String number, LocalDate validUntil,
            LocalDate today) {
        if (requiredStandard == null) {
            return true;
        }
        return sameStandard(requiredStandard, standard) && number != null
                && !number.isBlank() && validUntil != null && !validUntil.isBefore(today);
    }

    /** "gb19083-2010" and "GB 19083-2010" name the same standard. */
    public static boolean sameStandard(String required, String given) {
        return given != null && normalise(given).equals(normalise(required));
    }

    private static String normalise(String standard) {
        return standard.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
    }
}
