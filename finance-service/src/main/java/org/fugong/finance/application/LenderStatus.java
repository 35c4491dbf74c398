package org.fugong.finance.application;

import java.util.EnumSet;
import java.util.Set;

/** One lender's answer to an application. */
public enum LenderStatus {
    /** Sent to the lender; nobody there has started. */
    PENDING,
    /** A reviewer of the lender is looking at it. */
    UNDER_REVIEW,
    /** A reviewer (the maker) recommended an offer or a refusal; another (the checker) has to approve it. */
    RECOMMENDED,
    /** The checker approved an offer: the applicant sees it and may accept it. */
    OFFERED,
    /** The checker approved a refusal. */
    REFUSED,
    /** The applicant accepted this lender's offer. */
    ACCEPTED,
    /** The applicant accepted another offer, or this offer's validity passed. */
    LAPSED,
    /** The application was withdrawn. */
    WITHDRAWN;

    /** Still to answer: what the review queue shows. */
    public static final Set<LenderStatus> AWAITING = EnumSet.of(PENDING, UNDER_REVIEW, RECOMMENDED);
    /** The lender's part has ended. */
    public static final Set<LenderStatus> ENDED = EnumSet.of(REFUSED, ACCEPTED, LAPSED, WITHDRAWN);
}
