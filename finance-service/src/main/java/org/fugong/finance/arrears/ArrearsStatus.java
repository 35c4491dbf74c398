package org.fugong.finance.arrears;

public enum ArrearsStatus {
    /** Claimed by the creditor; the debtor has not answered yet. */
    CLAIMED,
    /** The debtor acknowledges it owes the amount; a settlement plan comes next. */
    ACKNOWLEDGED,
    /** The debtor disputes the claim, with a reason; it may still acknowledge it later. */
    DISPUTED,
    /** A settlement plan is agreed; payments are recorded against it. */
    IN_SETTLEMENT,
    /** Paid in full. */
    SETTLED
}
