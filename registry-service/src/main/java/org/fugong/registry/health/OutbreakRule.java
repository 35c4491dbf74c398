package org.fugong.registry.health;

import java.util.Optional;

/** When a daily health report raises an outbreak alert: any confirmed case, or suspected cases at a threshold. */
public final class OutbreakRule {

    public static final String CONFIRMED_CASE = "CONFIRMED_CASE";
    public static final String SUSPECTED_CASES = "SUSPECTED_CASES_AT_THRESHOLD";

    private OutbreakRule() {
    }

    public static Optional<String> alertFor(int confirmed, int suspected, int suspectedThreshold) {
        if (confirmed > 0) {
            return Optional.of(CONFIRMED_CASE);
        }
        if (suspected >= suspectedThreshold) {
            return Optional.of(SUSPECTED_CASES);
        }
        return Optional.empty();
    }
}
