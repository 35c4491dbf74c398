package org.fugong.finance.application;

import org.fugong.finance.organisation.Organisation;

/**
 * Who may apply for which product, from what the registry knows of the applicant (never from what
 * it says of itself). Every product is for ACTIVE small and medium-sized enterprises (MICRO, SMALL,
 * MEDIUM: opinion 4 is about their cash); a key enterprise on the white list, of any size, may also
 * apply for a WORKING_CAPITAL_LOAN, the loans the 2020 special relending and its interest subsidy
 * (财金〔2020〕5号) were for. The rules are checked in this order and the first that fails is named.
 */
public final class Eligibility {

    /** The applicant is not an ENTERPRISE (a bank, hospital or government body does not apply here). */
    public static final String NOT_AN_ENTERPRISE = "NOT_AN_ENTERPRISE";
    /** The registry has the applicant SUSPENDED or DEREGISTERED. */
    public static final String NOT_ACTIVE = "NOT_ACTIVE";
    /** The applicant is LARGE (and, for a working-capital loan, not a key enterprise). */
    public static final String NOT_AN_SME = "NOT_AN_SME";
    /** Admitted as an SME. */
    public static final String SME = "SME";
    /** Admitted as a key enterprise on the white list applying for a working-capital loan. */
    public static final String KEY_ENTERPRISE_SPECIAL_RELENDING = "KEY_ENTERPRISE_SPECIAL_RELENDING";

    /** What the rules read of the applicant. */
    public record Applicant(String kind, String status, String sizeClass, boolean keyEnterprise) {
        public static Applicant of(Organisation o) {
            return new Applicant(o.kind, o.status, o.sizeClass, o.keyEnterprise);
        }
    }

    /** Eligible or not; {@code rule} is the rule that admitted it, or the one that failed. */
    public record Verdict(boolean eligible, String rule, String detail) {
    }

    private Eligibility() {
    }

    public static Verdict check(Product product, Applicant a) {
        if (!Organisation.ENTERPRISE.equals(a.kind())) {
            return refused(NOT_AN_ENTERPRISE, "financing is applied for by enterprises; the registry has your organisation as "
                    + a.kind());
        }
        if (!"ACTIVE".equals(a.status())) {
            return refused(NOT_ACTIVE, "the registry has your enterprise as " + a.status());
        }
        if (product == Product.WORKING_CAPITAL_LOAN && a.keyEnterprise()) {
            return new Verdict(true, KEY_ENTERPRISE_SPECIAL_RELENDING,
                    "a key enterprise on the white list, of any size, under the special relending");
        }
        if (!Organisation.SME_SIZES.contains(a.sizeClass())) {
            return refused(NOT_AN_SME, product + " is for small and medium-sized enterprises (MICRO, SMALL, MEDIUM)"
                    + (product == Product.WORKING_CAPITAL_LOAN ? " and key enterprises on the white list" : "")
                    + "; the registry has your enterprise as " + a.sizeClass());
        }
        return new Verdict(true, SME, "a " + a.sizeClass() + " enterprise");
    }

    private static Verdict refused(String rule, String detail) {
        return new Verdict(false, rule, detail);
    }
}
