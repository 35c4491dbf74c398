package org.fugong.logistics.worker;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.fugong.logistics.region.Region;
import org.fugong.platform.problem.Problem.FieldError;
import org.fugong.platform.problem.ProblemException;

/** The checks requests and trips share: their date and their counties. */
final class WorkerRules {

    private WorkerRules() {
    }

    /** Today or later, and no further ahead than the horizon: 400 naming {@code travel_date}. */
    static void checkDate(LocalDate date, LocalDate today, int horizonDays) {
        if (date.isBefore(today)) {
            throw ProblemException.invalid("travel_date", "is in the past");
        }
        if (date.isAfter(today.plusDays(horizonDays))) {
            throw ProblemException.invalid("travel_date", "is more than " + horizonDays + " days ahead");
        }
    }

    /** A known county-level region of the read model: 400 naming the field otherwise. */
    static Region county(String field, String code) {
        Region r = Region.findById(code);
        if (r == null) {
            throw ProblemException.invalid(field, "is not a GB/T 2260 region");
        }
        if (!r.countyLevel) {
            throw ProblemException.invalid(field, "must be a county, not a " + r.level.toLowerCase(Locale.ROOT));
        }
        return r;
    }

    /** One 400 naming every field in the list. */
    static ProblemException invalid(List<FieldError> errors) {
        String detail = errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; "));
        return new ProblemException(400, "validation", "Request is not valid", detail, errors, Map.of());
    }
}
