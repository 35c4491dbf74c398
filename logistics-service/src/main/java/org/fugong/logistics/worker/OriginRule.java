package org.fugong.logistics.worker;

import java.util.List;
import java.util.Map;

import org.fugong.platform.problem.Problem.FieldError;
import org.fugong.platform.problem.ProblemException;

/**
 * Nobody is brought back from a HIGH-risk region: a request or a trip whose origin county is HIGH
 * is refused when it is made, and again when a request is assigned to a trip (a county may have
 * turned HIGH meanwhile) and when a trip is dispatched.
 */
public final class OriginRule {

    /** The rule's name, as the refusal states it. */
    public static final String ORIGIN_HIGH_RISK_REFUSED = "ORIGIN_HIGH_RISK_REFUSED";

    private OriginRule() {
    }

    public static boolean allows(String originRiskLevel) {
        return !"HIGH".equals(originRiskLevel);
    }

    /** @throws ProblemException 409 naming {@code origin_region}, with the rule, when the origin is HIGH */
    public static void require(String originCode, String originRiskLevel) {
        if (!allows(originRiskLevel)) {
            String message = "county " + originCode + " is a HIGH-risk region; " + ORIGIN_HIGH_RISK_REFUSED
                    + ": no worker return trip starts in a HIGH-risk region";
            throw new ProblemException(409, "origin-high-risk", "Origin in a HIGH-risk region",
                    "origin_region: " + message, List.of(new FieldError("origin_region", message)), Map.of());
        }
    }
}
