package org.fugong.platform.http;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;

import org.fugong.platform.problem.ProblemException;

/**
 * Parses query parameters with a 400 naming the parameter. (JAX-RS would answer a failed
 * conversion of a typed {@code @QueryParam} with 404, which tells the client nothing.)
 */
public final class QueryParams {

    private QueryParams() {
    }

    /** The enum constant, case-insensitively; null when absent. */
    public static <E extends Enum<E>> E enumValue(String name, String value, Class<E> type) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(value)) {
                return constant;
            }
        }
        throw ProblemException.invalid(name, "must be one of " + Arrays.toString(type.getEnumConstants()));
    }

    /** An ISO date; null when absent. */
    public static LocalDate date(String name, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(name, "must be a date (YYYY-MM-DD)");
        }
    }

    /** A UUID; null when absent. */
    public static java.util.UUID uuid(String name, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return java.util.UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(name, "must be a UUID");
        }
    }

    /** A GB/T 2260 prefix of 2, 4 or 6 digits; null when absent. */
    public static String regionPrefix(String name, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (!value.matches("\\d{2}|\\d{4}|\\d{6}")) {
            throw ProblemException.invalid(name, "must be a GB/T 2260 prefix of 2, 4 or 6 digits");
        }
        return value;
    }

    public static String lowerCase(String value) {
        return value == null ? null : value.toLowerCase(Locale.ROOT);
    }
}
