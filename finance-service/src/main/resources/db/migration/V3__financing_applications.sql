-- Financing applications: an SME (or, for the special relending, a key enterprise of any size) asks
-- one or several lenders for money; each lender answers for itself (maker recommends, checker
-- approves); the applicant accepts one offer and the others lapse.
CREATE TABLE financing_application (
    id                     uuid PRIMARY KEY,
    applicant_org_id       uuid NOT NULL REFERENCES enterprise_view (id),
    product                text NOT NULL CHECK (product IN ('RECEIVABLES_FINANCING', 'WORKING_CAPITAL_LOAN',
                               'LOAN_EXTENSION', 'GUARANTEE')),
    -- CNY, exact to the cent; the API refuses more than 10^13 before the database would.
    amount                 numeric(16, 2) NOT NULL CHECK (amount > 0 AND amount <= 10000000000000),
    term_months            integer NOT NULL CHECK (term_months BETWEEN 1 AND 360),
    purpose                text NOT NULL CHECK (length(purpose) BETWEEN 1 AND 1000),
    days_of_cash_left      integer NOT NULL CHECK (days_of_cash_left BETWEEN 0 AND 3650),
    status                 text NOT NULL CHECK (status IN ('SUBMITTED', 'UNDER_REVIEW', 'OFFERED', 'ACCEPTED',
                               'DISBURSED', 'REPAID', 'REFUSED', 'WITHDRAWN', 'LAPSED', 'ON_HOLD')),
    -- While ON_HOLD: the status it returns to on reinstatement, and why it is held.
    held_from              text CHECK (held_from IN ('SUBMITTED', 'UNDER_REVIEW', 'OFFERED', 'ACCEPTED')),
    hold_reason            text,
    -- The eligibility rule that admitted it (SME, or KEY_ENTERPRISE_SPECIAL_RELENDING).
    eligibility_rule       text NOT NULL,
    withdrawal_reason      text,
    accepted_lender_org_id uuid REFERENCES enterprise_view (id),
    accepted_at            timestamptz,
    -- The review queue's priority, computed by PriorityScore from the read model and the declared days
    -- of cash left, kept with the points of every factor; re-scored on every registry event.
    priority_score         integer NOT NULL,
    priority_factors       text NOT NULL, -- JSON: [{factor, points, detail}]
    -- The loan once disbursed: the accepted offer's terms and the interest subsidy, if any, as they were then.
    principal              numeric(16, 2),
    annual_rate            numeric(7, 4),
    loan_term_months       integer,
    repayment_method       text CHECK (repayment_method IN ('EQUAL_INSTALMENTS', 'EQUAL_PRINCIPAL')),
    disbursed_on           date,
    disbursed_by           text,
    subsidy_relending_rate numeric(7, 4),
    subsidy_share_percent  numeric(5, 2),
    subsidy_months         integer,
    repaid_at              timestamptz,
    submitted_by           text NOT NULL,
    created_at             timestamptz NOT NULL,
    updated_at             timestamptz NOT NULL,
    version                bigint NOT NULL DEFAULT 0,
    CONSTRAINT financing_application_held CHECK ((status = 'ON_HOLD') = (held_from IS NOT NULL)),
    CONSTRAINT financing_application_accepted CHECK (
        (status IN ('ACCEPTED', 'DISBURSED', 'REPAID')) <= (accepted_lender_org_id IS NOT NULL))
);
CREATE INDEX financing_application_applicant ON financing_application (applicant_org_id, id);
CREATE INDEX financing_application_status ON financing_application (status, id);

-- One row per lender an application was sent to: that lender's own answer. The recommended answer
-- (offer figures or refusal reason) is the maker's; approved_by is the checker, never the same caller.
CREATE TABLE application_lender (
    id                  uuid PRIMARY KEY,
    application_id      uuid NOT NULL REFERENCES financing_application (id),
    lender_org_id       uuid NOT NULL REFERENCES enterprise_view (id),
    status              text NOT NULL CHECK (status IN ('PENDING', 'UNDER_REVIEW', 'RECOMMENDED', 'OFFERED',
                            'REFUSED', 'ACCEPTED', 'LAPSED', 'WITHDRAWN')),
    review_started_by   text,
    review_started_at   timestamptz,
    recommendation      text CHECK (recommendation IN ('OFFER', 'REFUSE')),
    offer_amount        numeric(16, 2) CHECK (offer_amount > 0 AND offer_amount <= 10000000000000),
    offer_rate          numeric(7, 4) CHECK (offer_rate >= 0 AND offer_rate <= 36),
    offer_term_months   integer CHECK (offer_term_months BETWEEN 1 AND 360),
    offer_method        text CHECK (offer_method IN ('EQUAL_INSTALMENTS', 'EQUAL_PRINCIPAL')),
    refusal_reason      text,
    recommended_by      text,
    recommended_at      timestamptz,
    approved_by         text,
    approved_at         timestamptz,
    offer_valid_until   date,
    returned_reason     text,
    updated_at          timestamptz NOT NULL,
    CONSTRAINT application_lender_once UNIQUE (application_id, lender_org_id),
    CONSTRAINT application_lender_four_eyes CHECK (approved_by IS NULL OR approved_by <> recommended_by)
);
-- The review queue and a lender's list: its rows by state.
CREATE INDEX application_lender_lender ON application_lender (lender_org_id, status, application_id);
-- The sweep that lapses offers past their validity.
CREATE INDEX application_lender_offer_expiry ON application_lender (offer_valid_until) WHERE status = 'OFFERED';

-- The lender of a pledge is known once the applicant accepts its offer; until then the receivable backs
-- the application before every lender it was sent to.
ALTER TABLE receivable_pledge ALTER COLUMN lender_org_id DROP NOT NULL;
