package org.fugong.supply.request;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.fugong.platform.problem.Problem.FieldError;
import org.fugong.platform.problem.ProblemException;

/**
 * Where a request is delivered, and who may say so. The delivery region decides the request's
 * priority (Wuhan first), so a caller may not choose it freely: a hospital's requests go to its
 * own county; only an authority names a region, and only one inside its scope.
 */
public final class DeliveryRegionRule {

    static final String FIELD = "delivery_region";

    private DeliveryRegionRule() {
    }

    /** @param named the region the hospital sent, or null */
    public static String forHospital(String ownCounty, String named) {
        if (named != null && !named.equals(ownCounty)) {
            throw forbidden("is your own county " + ownCounty + " or left out: only an authority names another region");
        }
        return ownCounty;
    }

    /** @param covers whether the authority's region scope covers a code */
    public static String forAuthority(String named, Predicate<String> covers) {
        if (named == null) {
            throw ProblemException.invalid(FIELD, "is required when an authority requests");
        }
        if (!covers.test(named)) {
            throw forbidden("is outside your region scope");
        }
        return named;
    }

    private static ProblemException forbidden(String message) {
        return new ProblemException(403, "forbidden", "Forbidden", FIELD + ": " + message,
                List.of(new FieldError(FIELD, message)), Map.of());
    }
}
