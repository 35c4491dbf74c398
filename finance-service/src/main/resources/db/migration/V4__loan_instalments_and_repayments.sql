-- The repayment schedule of a disbursed loan (RepaymentSchedule), with the interest subsidy's share of
-- each instalment's interest (InterestSubsidy), and the repayments recorded against instalments.
CREATE TABLE loan_instalment (
    application_id      uuid NOT NULL REFERENCES financing_application (id),
    number              integer NOT NULL CHECK (number BETWEEN 1 AND 360),
    due_date            date NOT NULL,
    principal           numeric(16, 2) NOT NULL CHECK (principal >= 0),
    interest            numeric(16, 2) NOT NULL CHECK (interest >= 0),
    payment             numeric(16, 2) NOT NULL CHECK (payment >= 0),
    remaining_principal numeric(16, 2) NOT NULL CHECK (remaining_principal >= 0),
    subsidy_interest    numeric(16, 2) NOT NULL CHECK (subsidy_interest >= 0),
    borrower_interest   numeric(16, 2) NOT NULL CHECK (borrower_interest >= 0),
    paid                numeric(16, 2) NOT NULL DEFAULT 0 CHECK (paid >= 0),
    PRIMARY KEY (application_id, number),
    CONSTRAINT loan_instalment_sums CHECK (payment = principal + interest
        AND interest = subsidy_interest + borrower_interest),
    CONSTRAINT loan_instalment_not_overpaid CHECK (paid <= payment)
);

CREATE TABLE repayment (
    id                 uuid PRIMARY KEY,
    application_id     uuid NOT NULL REFERENCES financing_application (id),
    instalment_number  integer NOT NULL,
    amount             numeric(16, 2) NOT NULL CHECK (amount > 0),
    paid_on            date NOT NULL,
    recorded_by        text NOT NULL,
    created_at         timestamptz NOT NULL,
    FOREIGN KEY (application_id, instalment_number) REFERENCES loan_instalment (application_id, number)
);
CREATE INDEX repayment_application ON repayment (application_id, id);
