-- Supply: catalogue, what the registry told us about organisations, offers, requests, allocations.

CREATE TABLE supply_item (
    code              text PRIMARY KEY CHECK (code ~ '^[A-Z0-9_]{2,40}$'),
    name              text NOT NULL,
    name_zh           text,
    category          text NOT NULL,
    unit              text NOT NULL,
    required_standard text,            -- offers of this item need a certificate to this standard
    gtin              text CHECK (gtin ~ '^[0-9]{8}([0-9]{4,6})?$'),
    created_at        timestamptz NOT NULL DEFAULT now()
);

-- Read model of registry.enterprises: only what allocation needs. version drops stale events.
CREATE TABLE enterprise_view (
    id            uuid PRIMARY KEY,
    name          text NOT NULL,
    kind          text NOT NULL,
    status        text NOT NULL,
    region_code   text NOT NULL,
    priority_tier text NOT NULL,
    version       bigint NOT NULL,
    updated_at    timestamptz NOT NULL DEFAULT now()
);

-- Read model of registry.regions.
CREATE TABLE region_view (
    code       text PRIMARY KEY,
    risk_level text NOT NULL,
    version    bigint NOT NULL
);

CREATE TABLE supply_offer (
    id                      uuid PRIMARY KEY,
    supplier_id             uuid NOT NULL REFERENCES enterprise_view (id),
    item_code               text NOT NULL REFERENCES supply_item (code),
    quantity                bigint NOT NULL CHECK (quantity >= 0), -- declined quantity is taken off
    allocated               bigint NOT NULL DEFAULT 0,
    origin_region           text NOT NULL CHECK (origin_region ~ '^[0-9]{6}$'),
    certificate_standard    text,
    certificate_number      text,
    certificate_valid_until date,
    lot                     text,
    expiry_date             date,
    status                  text NOT NULL,
    created_at              timestamptz NOT NULL,
    updated_at              timestamptz NOT NULL,
    version                 bigint NOT NULL DEFAULT 0,
    -- The last line of defence: whatever the engine decides, an offer is never over-allocated.
    CONSTRAINT offer_within_quantity CHECK (allocated >= 0 AND allocated <= quantity)
);
CREATE INDEX supply_offer_open ON supply_offer (item_code, id) WHERE status = 'OPEN';
CREATE INDEX supply_offer_supplier ON supply_offer (supplier_id, id);

CREATE TABLE supply_request (
    id                  uuid PRIMARY KEY,
    requester_org_id    uuid,          -- the health institution; null when an authority asked
    requested_by        text NOT NULL, -- the caller's subject
    item_code           text NOT NULL REFERENCES supply_item (code),
    quantity            bigint NOT NULL CHECK (quantity > 0),
    allocated           bigint NOT NULL DEFAULT 0,
    delivered           bigint NOT NULL DEFAULT 0,
    urgency             text NOT NULL,
    days_of_supply_left integer CHECK (days_of_supply_left >= 0),
    delivery_region     text NOT NULL CHECK (delivery_region ~ '^[0-9]{6}$'),
    needed_by           date,
    status              text NOT NULL,
    created_at          timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL,
    version             bigint NOT NULL DEFAULT 0,
    CONSTRAINT request_within_quantity CHECK (allocated >= 0 AND allocated <= quantity AND delivered >= 0)
);
CREATE INDEX supply_request_open ON supply_request (item_code, id) WHERE status IN ('OPEN', 'PARTIALLY_ALLOCATED');
CREATE INDEX supply_request_requester ON supply_request (requester_org_id, id);
CREATE INDEX supply_request_region ON supply_request (delivery_region text_pattern_ops, id);

CREATE TABLE allocation (
    id           uuid PRIMARY KEY,
    request_id   uuid NOT NULL REFERENCES supply_request (id),
    offer_id     uuid NOT NULL REFERENCES supply_offer (id),
    supplier_id  uuid NOT NULL,
    item_code    text NOT NULL,
    quantity     bigint NOT NULL CHECK (quantity > 0),
    delivered    bigint,
    status       text NOT NULL,
    request_rank integer NOT NULL,
    nearness     text NOT NULL,
    capped       boolean NOT NULL,
    rule         text NOT NULL,
    run_id       uuid NOT NULL,
    created_at   timestamptz NOT NULL,
    updated_at   timestamptz NOT NULL,
    version      bigint NOT NULL DEFAULT 0
);
CREATE INDEX allocation_request ON allocation (request_id, id);
CREATE INDEX allocation_offer ON allocation (offer_id, id);
CREATE INDEX allocation_supplier ON allocation (supplier_id, id);
