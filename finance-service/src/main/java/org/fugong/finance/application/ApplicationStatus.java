package org.fugong.finance.application;

import java.util.EnumSet;
import java.util.Set;

/** The life cycle of a financing application as a whole; each lender's own answer is a {@link LenderStatus}. */
public enum ApplicationStatus {
    /** Sent to its lenders; none has started reviewing. */
    SUBMITTED,
    /** At least one lender is reviewing; no offer is approved yet. */
    UNDER_REVIEW,
    /** At least one lender's offer is approved and open for the applicant to accept. */
    OFFERED,
    /** The applicant accepted one offer; the others lapsed. */
    ACCEPTED,
    /** The accepted lender paid the money out; a repayment schedule runs. */
    DISBURSED,
    /** Every instalment is repaid. */
    REPAID,
    /** Every lender refused. */
    REFUSED,
    /** The applicant withdrew it, or the registry deregistered the applicant. */
    WITHDRAWN,
    /** Every offer lapsed unaccepted and no lender is still reviewing. */
    LAPSED,
    /** The registry suspended the applicant: nothing moves until it is reinstated. */
    ON_HOLD;

    /** Before acceptance, while lenders may still answer. */
    public static final Set<ApplicationStatus> OPEN_TO_LENDERS = EnumSet.of(SUBMITTED, UNDER_REVIEW, OFFERED);
    /** What a suspension puts on hold: everything not yet disbursed or ended. */
    public static final Set<ApplicationStatus> HOLDABLE = EnumSet.of(SUBMITTED, UNDER_REVIEW, OFFERED, ACCEPTED);
    /** Ended: nothing changes any more. */
    public static final Set<ApplicationStatus> ENDED = EnumSet.of(REPAID, REFUSED, WITHDRAWN, LAPSED);
}
