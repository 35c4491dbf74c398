package org.fugong.finance.application;

import static org.assertj.core.api.Assertions.assertThat;

import org.fugong.finance.application.Eligibility.Applicant;
import org.fugong.finance.application.Eligibility.Verdict;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** Who may apply for what, and the rule named when not. */
class EligibilityTest {

    @ParameterizedTest(name = "{0} {1} {2} key={3} for {4}: {5}")
    @CsvSource({
            // every product: an ACTIVE SME
            "ENTERPRISE, ACTIVE, MICRO, false, RECEIVABLES_FINANCING, true, SME",
            "ENTERPRISE, ACTIVE, SMALL, false, LOAN_EXTENSION, true, SME",
            "ENTERPRISE, ACTIVE, MEDIUM, false, GUARANTEE, true, SME",
            "ENTERPRISE, ACTIVE, MEDIUM, false, WORKING_CAPITAL_LOAN, true, SME",
            // LARGE: refused, unless a key enterprise asks for a working-capital loan
            "ENTERPRISE, ACTIVE, LARGE, false, WORKING_CAPITAL_LOAN, false, NOT_AN_SME",
            "ENTERPRISE, ACTIVE, LARGE, true, WORKING_CAPITAL_LOAN, true, KEY_ENTERPRISE_SPECIAL_RELENDING",
            "ENTERPRISE, ACTIVE, LARGE, true, RECEIVABLES_FINANCING, false, NOT_AN_SME",
            "ENTERPRISE, ACTIVE, LARGE, true, LOAN_EXTENSION, false, NOT_AN_SME",
            "ENTERPRISE, ACTIVE, LARGE, true, GUARANTEE, false, NOT_AN_SME",
            // a key SME's working-capital loan is the special relending's too (the subsidy is for any size)
            "ENTERPRISE, ACTIVE, SMALL, true, WORKING_CAPITAL_LOAN, true, KEY_ENTERPRISE_SPECIAL_RELENDING",
            "ENTERPRISE, ACTIVE, SMALL, true, GUARANTEE, true, SME",
            // ACTIVE for every product, the white list included
            "ENTERPRISE, SUSPENDED, SMALL, false, GUARANTEE, false, NOT_ACTIVE",
            "ENTERPRISE, SUSPENDED, LARGE, true, WORKING_CAPITAL_LOAN, false, NOT_ACTIVE",
            "ENTERPRISE, DEREGISTERED, MICRO, false, RECEIVABLES_FINANCING, false, NOT_ACTIVE",
            // not an enterprise at all, whatever its size
            "FINANCIAL_INSTITUTION, ACTIVE, SMALL, false, WORKING_CAPITAL_LOAN, false, NOT_AN_ENTERPRISE",
            "GOVERNMENT_BODY, ACTIVE, MICRO, true, WORKING_CAPITAL_LOAN, false, NOT_AN_ENTERPRISE",
            "HEALTH_INSTITUTION, SUSPENDED, LARGE, false, GUARANTEE, false, NOT_AN_ENTERPRISE" })
    void theFirstRuleThatFailsIsNamedOrTheOneThatAdmitted(String kind, String status, String size, boolean key,
            Product product, boolean eligible, String rule) {
        Verdict v = Eligibility.check(product, new Applicant(kind, status, size, key));
        assertThat(v.eligible()).isEqualTo(eligible);
        assertThat(v.rule()).isEqualTo(rule);
        assertThat(v.detail()).isNotBlank();
    }

    @ParameterizedTest
    @EnumSource(Product.class)
    void theRefusalSaysWhatTheRegistryHasTheApplicantAs(Product product) {
        Verdict v = Eligibility.check(product, new Applicant("ENTERPRISE", "ACTIVE", "LARGE", false));
        assertThat(v.detail()).contains("LARGE").contains(product.name());
    }
}
