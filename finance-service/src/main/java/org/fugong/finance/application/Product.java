package org.fugong.finance.application;

/** What an enterprise may ask lenders for. */
public enum Product {
    /** An advance against the applicant's confirmed receivables, which are pledged to it. */
    RECEIVABLES_FINANCING,
    /** A working-capital loan; key enterprises on the white list may apply under the 2020 special relending. */
    WORKING_CAPITAL_LOAN,
    /** An extension (展期) of an existing loan the applicant cannot repay on time because of the epidemic. */
    LOAN_EXTENSION,
    /** A guarantee for the applicant's borrowing. */
    GUARANTEE
}
