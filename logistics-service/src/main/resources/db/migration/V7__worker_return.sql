-- Worker return: point-to-point charter trips, enterprises' requests to bring employees back on
-- them, and the passenger manifests of those requests (personal data: masked for others, never in
-- events or logs).

CREATE TABLE charter_trip (
    id                  uuid PRIMARY KEY,
    enterprise_id       uuid REFERENCES enterprise_view (id),  -- set when an enterprise planned it for its own requests
    planned_by          text NOT NULL,
    plate               text NOT NULL,
    seats               integer NOT NULL CHECK (seats BETWEEN 1 AND 100),
    passengers          integer NOT NULL DEFAULT 0,             -- seats taken by the assigned requests
    travel_date         date NOT NULL,
    origin              text NOT NULL REFERENCES region_view (code),
    destination         text NOT NULL REFERENCES region_view (code),
    via                 text NOT NULL DEFAULT '',               -- codes passed through, comma-separated
    driver_name         text NOT NULL,
    driver_phone        text NOT NULL,
    driver_id_number    text NOT NULL,
    status              text NOT NULL CHECK (status IN ('PLANNED', 'DISPATCHED', 'ARRIVED', 'CANCELLED')),
    pass_id             uuid REFERENCES green_pass (id),        -- the RETURNING_WORKERS pass, applied for at dispatch
    dispatched_at       timestamptz,
    arrived_at          timestamptz,
    cancelled_at        timestamptz,
    cancellation_reason text,
    created_at          timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL,
    version             bigint NOT NULL DEFAULT 0,
    -- The share cap is configuration (50 % by default) and is held by the service under the trip's
    -- row lock; the table only refuses what no configuration allows.
    CONSTRAINT charter_trip_passengers CHECK (passengers BETWEEN 0 AND seats),
    CONSTRAINT charter_trip_ends CHECK (origin <> destination)
);
CREATE INDEX charter_trip_enterprise ON charter_trip (enterprise_id, id) WHERE enterprise_id IS NOT NULL;
CREATE INDEX charter_trip_origin ON charter_trip (origin text_pattern_ops, id);
CREATE INDEX charter_trip_destination ON charter_trip (destination text_pattern_ops, id);
CREATE INDEX charter_trip_status ON charter_trip (status, id);
CREATE INDEX charter_trip_date ON charter_trip (travel_date, id);

CREATE TABLE worker_transport_request (
    id            uuid PRIMARY KEY,
    enterprise_id uuid NOT NULL REFERENCES enterprise_view (id),
    origin        text NOT NULL REFERENCES region_view (code),
    destination   text NOT NULL REFERENCES region_view (code),  -- the enterprise's county in the read model
    travel_date   date NOT NULL,
    passengers    integer NOT NULL CHECK (passengers >= 1),       -- the manifest's length
    status        text NOT NULL CHECK (status IN ('SUBMITTED', 'ASSIGNED', 'ARRIVED')),
    trip_id       uuid REFERENCES charter_trip (id),
    assigned_at   timestamptz,
    created_at    timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL,
    version       bigint NOT NULL DEFAULT 0,
    CONSTRAINT worker_request_on_trip CHECK ((status = 'SUBMITTED') = (trip_id IS NULL)),
    CONSTRAINT worker_request_ends CHECK (origin <> destination)
);
CREATE INDEX worker_request_enterprise ON worker_transport_request (enterprise_id, id);
CREATE INDEX worker_request_enterprise_date ON worker_transport_request (enterprise_id, travel_date);
CREATE INDEX worker_request_origin ON worker_transport_request (origin text_pattern_ops, id);
CREATE INDEX worker_request_destination ON worker_transport_request (destination text_pattern_ops, id);
CREATE INDEX worker_request_status ON worker_transport_request (status, id);
CREATE INDEX worker_request_date ON worker_transport_request (travel_date, id);
CREATE INDEX worker_request_trip ON worker_transport_request (trip_id, id) WHERE trip_id IS NOT NULL;

CREATE TABLE worker_passenger (
    id         uuid PRIMARY KEY,
    request_id uuid NOT NULL REFERENCES worker_transport_request (id),
    position   integer NOT NULL CHECK (position >= 0),
    name       text NOT NULL,
    id_number  text NOT NULL,
    phone      text,
    CONSTRAINT worker_passenger_position UNIQUE (request_id, position),
    CONSTRAINT worker_passenger_once UNIQUE (request_id, id_number)
);
-- The same person on two of an enterprise's requests for one date is refused: found by ID number.
CREATE INDEX worker_passenger_id_number ON worker_passenger (id_number);
