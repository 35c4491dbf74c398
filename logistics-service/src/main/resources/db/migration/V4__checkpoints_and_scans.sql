-- Checkpoints registered by authorities, and every scan made at one. A scan keeps what the
-- statistics and an audit need (result, time, pass, waiting time, the health-check flag), never
-- the driver's data and not the temperature itself: only whether it called for a health check.
CREATE TABLE checkpoint (
    id          uuid PRIMARY KEY,
    name        text NOT NULL,
    county_code text NOT NULL REFERENCES region_view (code),
    kind        text NOT NULL CHECK (kind IN ('EXPRESSWAY_TOLL_STATION', 'PROVINCIAL_BORDER', 'CITY_ENTRANCE')),
    created_by  text NOT NULL,
    created_at  timestamptz NOT NULL,
    version     bigint NOT NULL DEFAULT 0
);
CREATE INDEX checkpoint_county ON checkpoint (county_code text_pattern_ops, id);

CREATE TABLE checkpoint_scan (
    id                    uuid PRIMARY KEY,
    checkpoint_id         uuid NOT NULL REFERENCES checkpoint (id),
    scanned_at            timestamptz NOT NULL,
    scanned_by            text NOT NULL,
    result                text NOT NULL CHECK (result IN ('FORGED', 'UNKNOWN', 'REVOKED', 'EXPIRED', 'NOT_YET_VALID',
                                                          'WRONG_VEHICLE', 'OFF_ROUTE', 'VALID')),
    pass_id               uuid REFERENCES green_pass (id),   -- when the code names a pass logistics knows
    pass_number           text,                              -- what a validly signed code says
    waiting_minutes       integer CHECK (waiting_minutes BETWEEN 0 AND 1440),
    health_check_required boolean NOT NULL
);
CREATE INDEX checkpoint_scan_time ON checkpoint_scan (checkpoint_id, scanned_at);
CREATE INDEX checkpoint_scan_pass ON checkpoint_scan (pass_id) WHERE pass_id IS NOT NULL;
