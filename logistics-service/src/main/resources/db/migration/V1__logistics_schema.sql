-- Logistics: what the registry told us about organisations and regions, green-channel passes.

-- Read model of registry.enterprises: what the pass rule needs. version drops stale events.
CREATE TABLE enterprise_view (
    id             uuid PRIMARY KEY,
    name           text NOT NULL,
    kind           text NOT NULL,
    status         text NOT NULL,
    region_code    text NOT NULL,
    priority_tier  text NOT NULL,
    key_enterprise boolean NOT NULL,
    version        bigint NOT NULL,
    updated_at     timestamptz NOT NULL DEFAULT now()
);

-- Read model of registry.regions: every GB/T 2260 region (seeded by V2 as the registry seeds its
-- own, all LOW at version 0), risk levels from the registry's events. version drops stale events.
CREATE TABLE region_view (
    code         text PRIMARY KEY CHECK (code ~ '^[0-9]{6}$'),
    name         text NOT NULL,
    name_en      text,
    level        text NOT NULL CHECK (level IN ('PROVINCE', 'PREFECTURE', 'COUNTY')),
    parent_code  text,
    county_level boolean NOT NULL,   -- a route starts and ends at one of these
    risk_level   text NOT NULL DEFAULT 'LOW' CHECK (risk_level IN ('LOW', 'MEDIUM', 'HIGH')),
    version      bigint NOT NULL DEFAULT 0
);

-- The last serial handed out per origin county. The row is locked by the UPDATE that takes the next
-- one until the pass's transaction ends, so serials are gap-free: a rolled-back pass gives its back.
CREATE TABLE pass_serial (
    county      text PRIMARY KEY CHECK (county ~ '^[0-9]{6}$'),
    last_serial integer NOT NULL CHECK (last_serial BETWEEN 1 AND 999999)
);

CREATE TABLE green_pass (
    id                uuid PRIMARY KEY,
    number            text NOT NULL UNIQUE CHECK (number ~ '^[0-9]{12}$'),
    enterprise_id     uuid NOT NULL REFERENCES enterprise_view (id),
    plate             text NOT NULL,
    vehicle_type      text NOT NULL,
    driver_name       text NOT NULL,   -- personal data: masked for others, never in events or logs
    driver_phone      text NOT NULL,
    driver_id_number  text NOT NULL,
    cargo_category    text NOT NULL,
    cargo_description text NOT NULL,
    route             text NOT NULL,   -- GB/T 2260 codes, comma-separated, origin first
    origin            text NOT NULL REFERENCES region_view (code),
    destination       text NOT NULL REFERENCES region_view (code),
    valid_from        date NOT NULL,
    valid_until       date NOT NULL,
    status            text NOT NULL,
    rule              text NOT NULL,   -- the rule that decided at application
    decided_by        text,            -- the authority that approved or refused one under review
    decision_reason   text,
    decided_at        timestamptz,
    code              text,            -- the signed code (JWS), once approved
    code_key_id       text,
    created_at        timestamptz NOT NULL,
    updated_at        timestamptz NOT NULL,
    version           bigint NOT NULL DEFAULT 0,
    CONSTRAINT pass_window CHECK (valid_until >= valid_from)
);
CREATE INDEX green_pass_enterprise ON green_pass (enterprise_id, id);
CREATE INDEX green_pass_origin ON green_pass (origin text_pattern_ops, id);
CREATE INDEX green_pass_destination ON green_pass (destination text_pattern_ops, id);
