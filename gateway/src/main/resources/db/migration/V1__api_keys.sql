-- Client applications' API keys: only a SHA-256 hash of each key is stored.
CREATE TABLE api_key (
    id           uuid        PRIMARY KEY,
    name         text        NOT NULL,
    key_hash     text        NOT NULL UNIQUE,
    key_prefix   text        NOT NULL,            -- the first characters, to recognise a key in lists
    role         text        NOT NULL,
    org_id       uuid,
    region_scope text CHECK (region_scope ~ '^([0-9]{2}|[0-9]{4}|[0-9]{6})$'),
    created_at   timestamptz NOT NULL,
    revoked_at   timestamptz,
    last_used_at timestamptz
);
