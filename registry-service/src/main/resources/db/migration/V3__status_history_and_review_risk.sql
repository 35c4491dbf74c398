-- Each organisation's status, resumption status and county over time, so that a past day is judged
-- by the state of that day (health-report compliance). A period is half-open, [valid_from, valid_to);
-- the current one has no end. Written under the organisation's row lock, in the same transaction as
-- the change it records.
CREATE TABLE enterprise_status_history (
    id                bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    enterprise_id     uuid        NOT NULL REFERENCES enterprise (id),
    region_code       text        NOT NULL REFERENCES region (code),
    status            text        NOT NULL,
    resumption_status text        NOT NULL,
    valid_from        timestamptz NOT NULL,
    valid_to          timestamptz,
    CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
-- One open period per organisation: the one a change closes.
CREATE UNIQUE INDEX enterprise_status_history_current ON enterprise_status_history (enterprise_id) WHERE valid_to IS NULL;
CREATE INDEX enterprise_status_history_enterprise ON enterprise_status_history (enterprise_id, valid_from);
-- Compliance: the periods in a region (prefix) that had begun by a day's end.
CREATE INDEX enterprise_status_history_region ON enterprise_status_history (region_code text_pattern_ops, valid_from);

-- Nothing earlier was recorded: each organisation is taken to have been in its present state since it
-- was registered, which is what compliance assumed before history was kept.
INSERT INTO enterprise_status_history (enterprise_id, region_code, status, resumption_status, valid_from)
SELECT id, region_code, status, resumption_status, created_at FROM enterprise;

-- The county's level when an authority decided a filing that waited for review (null until then).
ALTER TABLE resumption_filing ADD COLUMN review_risk_level text CHECK (review_risk_level IN ('LOW', 'MEDIUM', 'HIGH'));
