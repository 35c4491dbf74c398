-- Finance: what the registry told us about organisations (read model of registry.enterprises).
-- Everything eligibility and access decide on, so that an enterprise never re-enters what the
-- registry knows: kind and status for who may record, owe and lend; size, tier, white list,
-- ownership, employees, revenue, region and resumption status for products and policies.
-- version drops stale and repeated events.
CREATE TABLE enterprise_view (
    id                uuid PRIMARY KEY,
    kind              text NOT NULL,
    name              text NOT NULL,
    uscc              text NOT NULL CHECK (uscc ~ '^[0-9A-HJ-NPQRTUWXY]{18}$'),
    region_code       text NOT NULL CHECK (region_code ~ '^[0-9]{6}$'),
    industry          text NOT NULL,
    ownership         text NOT NULL,
    employees         integer NOT NULL CHECK (employees >= 0),
    annual_revenue    numeric(17, 2) NOT NULL CHECK (annual_revenue >= 0),
    size_class        text NOT NULL,
    priority_tier     text NOT NULL,
    key_enterprise    boolean NOT NULL,
    status            text NOT NULL,
    status_reason     text,
    resumption_status text NOT NULL,
    version           bigint NOT NULL,
    updated_at        timestamptz NOT NULL
);
-- Receivables name their debtor by USCC. Not unique here: the registry owns uniqueness, and a read
-- model that refused an event would stop its consumer.
CREATE INDEX enterprise_view_uscc ON enterprise_view (uscc);
