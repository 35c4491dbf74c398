package org.fugong.registry.report;

import java.math.BigDecimal;

import org.fugong.registry.enterprise.ResumptionStatus;

/** How a resumption report moves the enterprise's resumption status. */
public final class ResumptionProgress {

    private ResumptionProgress() {
    }

    /**
     * At or above the threshold the enterprise has RESUMED; above zero it is RESUMING; at zero it
     * has HALTED if it had been producing, and otherwise is still RESUMING its approved plan.
     */
    public static ResumptionStatus after(ResumptionStatus current, BigDecimal capacityUtilisation,
            BigDecimal resumedThreshold) {
        if (capacityUtilisation.compareTo(resumedThreshold) >= 0) {
            return ResumptionStatus.RESUMED;
        }
        if (capacityUtilisation.signum() > 0) {
            return ResumptionStatus.RESUMING;
        }
        return current == ResumptionStatus.RESUMED || current == ResumptionStatus.HALTED
                ? ResumptionStatus.HALTED
                : ResumptionStatus.RESUMING;
    }
}
