-- Arrears claims: an SME (the creditor) claims overdue payment from a government body or a large
-- enterprise (the debtor), which acknowledges or disputes it, agrees a settlement plan of dated
-- instalments and records its payments until nothing is outstanding.
CREATE TABLE arrears_claim (
    id                 uuid PRIMARY KEY,
    creditor_org_id    uuid NOT NULL REFERENCES enterprise_view (id),
    debtor_org_id      uuid NOT NULL REFERENCES enterprise_view (id),
    debtor_uscc        text NOT NULL CHECK (debtor_uscc ~ '^[0-9A-HJ-NPQRTUWXY]{18}$'),
    -- The debtor's county as the registry has it now (kept current by the registry's events): what an
    -- authority's scope and the statistics go by. "C" collation: a plain index serves both the
    -- prefix match (LIKE '42%') and the keyset order of the statistics.
    debtor_region_code text COLLATE "C" NOT NULL CHECK (debtor_region_code ~ '^[0-9]{6}$'),
    contract_reference text NOT NULL CHECK (char_length(contract_reference) BETWEEN 1 AND 100),
    -- CNY, exact to the cent, as receivables.
    amount             numeric(16, 2) NOT NULL CHECK (amount > 0 AND amount <= 10000000000000),
    outstanding        numeric(16, 2) NOT NULL CHECK (outstanding >= 0 AND outstanding <= amount),
    due_date           date NOT NULL,
    status             text NOT NULL CHECK (status IN ('CLAIMED', 'ACKNOWLEDGED', 'DISPUTED', 'IN_SETTLEMENT', 'SETTLED')),
    dispute_reason     text,
    claimed_by         text NOT NULL,
    responded_by       text,
    responded_at       timestamptz,
    plan_agreed_by     text,
    plan_agreed_at     timestamptz,
    settled_at         timestamptz,
    created_at         timestamptz NOT NULL,
    updated_at         timestamptz NOT NULL,
    version            bigint NOT NULL DEFAULT 0,
    CONSTRAINT arrears_claim_not_owed_to_itself CHECK (creditor_org_id <> debtor_org_id),
    CONSTRAINT arrears_claim_settled_when_paid CHECK ((status = 'SETTLED') = (outstanding = 0)),
    -- One contract is claimed once from one debtor: the same reference again is a 409, also between
    -- concurrent requests.
    CONSTRAINT arrears_claim_contract_unique UNIQUE (creditor_org_id, debtor_org_id, contract_reference)
);
CREATE INDEX arrears_claim_creditor ON arrears_claim (creditor_org_id, id);
CREATE INDEX arrears_claim_debtor ON arrears_claim (debtor_org_id, id);
CREATE INDEX arrears_claim_region ON arrears_claim (debtor_region_code, id);
-- The statistics read only what is still owed, grouped by debtor or by county: each grouping has a
-- partial index holding everything the aggregate needs, so it is answered from the index.
CREATE INDEX arrears_claim_open_by_debtor ON arrears_claim (debtor_org_id)
    INCLUDE (debtor_region_code, due_date, outstanding, status) WHERE status <> 'SETTLED';
CREATE INDEX arrears_claim_open_by_region ON arrears_claim (debtor_region_code)
    INCLUDE (due_date, outstanding, status) WHERE status <> 'SETTLED';

-- The settlement plan: dated instalments summing exactly to what was outstanding when it was agreed.
CREATE TABLE arrears_instalment (
    id       uuid PRIMARY KEY,
    claim_id uuid NOT NULL REFERENCES arrears_claim (id),
    number   integer NOT NULL CHECK (number >= 1),
    due_date date NOT NULL,
    amount   numeric(16, 2) NOT NULL CHECK (amount > 0 AND amount <= 10000000000000),
    paid     numeric(16, 2) NOT NULL DEFAULT 0 CHECK (paid >= 0 AND paid <= amount),
    CONSTRAINT arrears_instalment_number_unique UNIQUE (claim_id, number)
);

-- Payments the debtor recorded, applied to the plan's instalments in their order.
CREATE TABLE arrears_payment (
    id          uuid PRIMARY KEY,
    claim_id    uuid NOT NULL REFERENCES arrears_claim (id),
    amount      numeric(16, 2) NOT NULL CHECK (amount > 0 AND amount <= 10000000000000),
    paid_on     date NOT NULL,
    reference   text CHECK (char_length(reference) <= 100),
    recorded_by text NOT NULL,
    recorded_at timestamptz NOT NULL
);
CREATE INDEX arrears_payment_claim ON arrears_payment (claim_id, id);
