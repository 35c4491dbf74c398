-- Platform tables shared by every service: each service's Flyway includes classpath:db/platform.

-- Transactional outbox: written in the business transaction, published by the relay.
CREATE TABLE outbox_event (
    seq            bigserial   PRIMARY KEY,          -- commit order per aggregate (see OutboxWriter)
    id             uuid        NOT NULL UNIQUE,      -- becomes the CloudEvents ce_id
    topic          text        NOT NULL,
    aggregate_type text        NOT NULL,
    aggregate_id   text        NOT NULL,              -- becomes the Kafka record key and ce_subject
    type           text        NOT NULL,              -- ce_type
    payload        jsonb       NOT NULL,
    traceparent    text,
    occurred_at    timestamptz NOT NULL DEFAULT clock_timestamp(),
    published_at   timestamptz
);
CREATE INDEX outbox_event_unpublished ON outbox_event (seq) WHERE published_at IS NULL;
CREATE INDEX outbox_event_published ON outbox_event (published_at) WHERE published_at IS NOT NULL;

-- Idempotent consumers: one row per handled event, written in the handler's transaction.
CREATE TABLE processed_event (
    consumer_group text        NOT NULL,
    event_id       text        NOT NULL,
    topic          text        NOT NULL,
    processed_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer_group, event_id)
);
CREATE INDEX processed_event_processed_at ON processed_event (processed_at);

-- Idempotency-Key: the response of a creating POST, stored with the resource for 24 h.
CREATE TABLE idempotency_record (
    scope        text        NOT NULL,   -- caller and endpoint: keys of different callers never meet
    key          text        NOT NULL,
    request_hash text        NOT NULL,
    status       int         NOT NULL,
    location     text,
    body         text        NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (scope, key)
);
CREATE INDEX idempotency_record_created_at ON idempotency_record (created_at);
