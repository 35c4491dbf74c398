-- Receivables: an invoice an SME (the creditor) is owed by another organisation (the debtor), which
-- the debtor confirms or disputes. Only confirmed receivables may back financing.
CREATE TABLE receivable (
    id              uuid PRIMARY KEY,
    creditor_org_id uuid NOT NULL REFERENCES enterprise_view (id),
    debtor_org_id   uuid NOT NULL REFERENCES enterprise_view (id),
    debtor_uscc     text NOT NULL CHECK (debtor_uscc ~ '^[0-9A-HJ-NPQRTUWXY]{18}$'),
    invoice_number  text NOT NULL CHECK (invoice_number ~ '^[A-Za-z0-9_/-]{1,64}$'),
    -- CNY, exact to the cent; the API refuses more than 10^13 before the database would.
    amount          numeric(16, 2) NOT NULL CHECK (amount > 0 AND amount <= 10000000000000),
    issue_date      date NOT NULL,
    due_date        date NOT NULL,
    status          text NOT NULL CHECK (status IN ('AWAITING_CONFIRMATION', 'CONFIRMED', 'DISPUTED')),
    dispute_reason  text,
    recorded_by     text NOT NULL, -- the creditor's caller (subject)
    decided_by      text,          -- the debtor's caller who confirmed or disputed last
    decided_at      timestamptz,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    version         bigint NOT NULL DEFAULT 0,
    CONSTRAINT receivable_due_after_issue CHECK (due_date >= issue_date),
    CONSTRAINT receivable_not_owed_to_itself CHECK (creditor_org_id <> debtor_org_id),
    -- One invoice is recorded once: the same number from the same creditor to the same debtor is a 409,
    -- also between concurrent requests.
    CONSTRAINT receivable_invoice_unique UNIQUE (creditor_org_id, debtor_org_id, invoice_number)
);
CREATE INDEX receivable_creditor ON receivable (creditor_org_id, id);
CREATE INDEX receivable_debtor ON receivable (debtor_org_id, id);

-- The pledge registry: which financing application (and so which lender) a receivable backs. A
-- receivable backs at most one live application; the partial unique index decides, also between
-- applications racing for the same receivable. Released pledges stay as history.
CREATE TABLE receivable_pledge (
    id             uuid PRIMARY KEY,
    receivable_id  uuid NOT NULL REFERENCES receivable (id),
    application_id uuid NOT NULL, -- the financing application (its table comes with the applications)
    lender_org_id  uuid NOT NULL REFERENCES enterprise_view (id),
    status         text NOT NULL CHECK (status IN ('LIVE', 'RELEASED')),
    pledged_at     timestamptz NOT NULL,
    released_at    timestamptz,
    CONSTRAINT receivable_pledge_released_when CHECK ((status = 'RELEASED') = (released_at IS NOT NULL))
);
CREATE UNIQUE INDEX receivable_pledge_one_live ON receivable_pledge (receivable_id) WHERE status = 'LIVE';
CREATE INDEX receivable_pledge_application ON receivable_pledge (application_id);
