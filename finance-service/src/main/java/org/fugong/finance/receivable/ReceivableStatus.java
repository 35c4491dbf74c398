package org.fugong.finance.receivable;

public enum ReceivableStatus {
    /** Recorded by the creditor; the debtor has not answered yet. */
    AWAITING_CONFIRMATION,
    /** The debtor confirmed it owes the amount: it may back financing. */
    CONFIRMED,
    /** The debtor disputes it, with a reason; it may still confirm it later. */
    DISPUTED
}
