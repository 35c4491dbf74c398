-- An INTEREST_SUBSIDY policy's terms as data, so that a loan's subsidy comes from the policy the
-- applicant matches (Loans.subsidyFor) rather than from a rule of its own: the rate the subsidy is a
-- share of (the central bank's relending rate, a configured figure, or the loan's own rate), the
-- share, and for how many months from disbursement. Optional: an interest subsidy without terms is
-- matched and shown but splits no schedule; other kinds have none.
ALTER TABLE policy
    ADD COLUMN subsidy_basis         text CHECK (subsidy_basis IN ('RELENDING_RATE', 'LOAN_RATE')),
    ADD COLUMN subsidy_share_percent numeric(5, 2) CHECK (subsidy_share_percent > 0 AND subsidy_share_percent <= 100),
    ADD COLUMN subsidy_months        integer CHECK (subsidy_months BETWEEN 1 AND 36),
    ADD CONSTRAINT policy_subsidy_terms_whole CHECK (
        (subsidy_basis IS NULL) = (subsidy_share_percent IS NULL) AND (subsidy_basis IS NULL) = (subsidy_months IS NULL)),
    ADD CONSTRAINT policy_subsidy_terms_kind CHECK (subsidy_basis IS NULL OR kind = 'INTEREST_SUBSIDY');

-- 财金〔2020〕5号 as issue 14 reads it: 50 % of the central bank's relending rate, for at most one year.
-- Not a change by an administrator: the version (and so the matches, whose rule is unchanged) stays.
UPDATE policy SET subsidy_basis = 'RELENDING_RATE', subsidy_share_percent = 50, subsidy_months = 12
WHERE id = '01706000-0000-7000-8000-000000000006';

-- The loan keeps the terms it was disbursed with, and now which policy granted them and on what basis.
-- The rate column holds whichever rate the share is of, so it is renamed.
ALTER TABLE financing_application RENAME COLUMN subsidy_relending_rate TO subsidy_base_rate;
ALTER TABLE financing_application
    ADD COLUMN subsidy_policy_id uuid REFERENCES policy (id),
    ADD COLUMN subsidy_basis     text CHECK (subsidy_basis IN ('RELENDING_RATE', 'LOAN_RATE'));
-- Loans disbursed before: their terms were finance's configuration of that same measure.
UPDATE financing_application SET subsidy_policy_id = '01706000-0000-7000-8000-000000000006',
                                 subsidy_basis = 'RELENDING_RATE'
WHERE subsidy_base_rate IS NOT NULL;
ALTER TABLE financing_application ADD CONSTRAINT financing_application_subsidy_whole CHECK (
    (subsidy_base_rate IS NULL) = (subsidy_policy_id IS NULL) AND (subsidy_base_rate IS NULL) = (subsidy_basis IS NULL));
