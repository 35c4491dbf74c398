-- Preferential policies and the enterprises they match. Eligibility is data in the rule language of
-- docs/finance.md, stored in its canonical JSON; matches are re-evaluated on every registry event and
-- on every policy change.
CREATE TABLE policy (
    id              uuid PRIMARY KEY,
    name            text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 200),
    kind            text NOT NULL CHECK (kind IN ('TAX_RELIEF', 'FEE_REDUCTION', 'SOCIAL_SECURITY_RELIEF',
                                                  'INTEREST_SUBSIDY', 'RENT_RELIEF')),
    issuing_body    text NOT NULL CHECK (char_length(issuing_body) BETWEEN 1 AND 300),
    document_number text NOT NULL CHECK (char_length(document_number) BETWEEN 1 AND 100),
    document_title  text CHECK (char_length(document_title) <= 300),
    grants          text NOT NULL CHECK (char_length(grants) BETWEEN 1 AND 2000),
    valid_from      date NOT NULL,
    valid_until     date,
    eligibility     jsonb NOT NULL,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    version         bigint NOT NULL DEFAULT 0,
    -- The version whose matches policy_match holds. Behind version (a seeded policy, or a change
    -- whose evaluation was interrupted) means the service evaluates it again at start.
    matched_version bigint,
    CONSTRAINT policy_valid_until_after_from CHECK (valid_until IS NULL OR valid_until >= valid_from),
    -- One document may hold several measures (different names), but not the same one twice.
    CONSTRAINT policy_document_measure_unique UNIQUE (document_number, name)
);
CREATE INDEX policy_kind ON policy (kind, id);

-- Which policies an enterprise qualifies for, with the conditions that decided it.
CREATE TABLE policy_match (
    enterprise_id uuid NOT NULL REFERENCES enterprise_view (id),
    policy_id     uuid NOT NULL REFERENCES policy (id),
    decided_by    jsonb NOT NULL,
    matched_at    timestamptz NOT NULL,
    PRIMARY KEY (enterprise_id, policy_id)
);
-- A policy's change re-evaluates its matches a page of enterprises at a time.
CREATE INDEX policy_match_policy ON policy_match (policy_id, enterprise_id);
