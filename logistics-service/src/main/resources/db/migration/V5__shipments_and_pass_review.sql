-- Issue 13: shipments of confirmed allocations with their tracking, passes sent back to review when
-- an end of their route turns HIGH, and passes that expire.

-- A pass sent back to review keeps its code (same number, plate, route and validity) and is listed
-- in the public delta list as well as a revoked one: every change of a pass's listing takes the
-- next revocation_seq (revoked, sent back to review, approved again), and the list shows its
-- status then, so a handheld without a connection stops a suspended pass and lets it through again
-- once an authority approved it. listed_at is when its entry was last made.
ALTER TABLE green_pass ADD COLUMN suspended_at timestamptz;
ALTER TABLE green_pass ADD COLUMN suspension_reason text;
ALTER TABLE green_pass ADD COLUMN listed_at timestamptz;
UPDATE green_pass SET listed_at = revoked_at WHERE revocation_seq IS NOT NULL;
-- The expiry sweep's and the HIGH-risk review's candidates: live passes by end of validity.
CREATE INDEX green_pass_live_until ON green_pass (valid_until, id) WHERE status IN ('APPROVED', 'PENDING_REVIEW');

-- A shipment of one confirmed allocation (supply.allocations), from PLANNED to DELIVERED or
-- CANCELLED. The driver is not copied here: it stays on the green pass, shown masked to all but the
-- supplier and administrators.
CREATE TABLE shipment (
    id                  uuid PRIMARY KEY,
    allocation_id       uuid NOT NULL UNIQUE,   -- one shipment per allocation; also the allocation_id filter
    item_code           text NOT NULL,
    item_category       text NOT NULL,
    cargo_category      text NOT NULL,
    quantity            bigint NOT NULL CHECK (quantity > 0),
    supplier_id         uuid NOT NULL,
    receiver_id         uuid,                   -- the requesting institution; null when an authority requested
    origin_region       text NOT NULL CHECK (origin_region ~ '^[0-9]{6}$'),
    destination_region  text NOT NULL CHECK (destination_region ~ '^[0-9]{6}$'),
    status              text NOT NULL CHECK (status IN ('PLANNED', 'VEHICLE_ASSIGNED', 'PICKED_UP', 'IN_TRANSIT',
                                                        'DELIVERED', 'CANCELLED')),
    pass_id             uuid REFERENCES green_pass (id),
    pass_number         text,
    plate               text,
    vehicle_type        text,
    picked_up_at        timestamptz,
    received_quantity   bigint CHECK (received_quantity BETWEEN 0 AND quantity),
    receiver_name       text,
    delivered_at        timestamptz,
    delivered_by        text,
    cancelled_at        timestamptz,
    cancellation_reason text,
    created_at          timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL,
    version             bigint NOT NULL DEFAULT 0
);
CREATE INDEX shipment_supplier ON shipment (supplier_id, id);
CREATE INDEX shipment_receiver ON shipment (receiver_id, id) WHERE receiver_id IS NOT NULL;
CREATE INDEX shipment_origin ON shipment (origin_region text_pattern_ops, id);
CREATE INDEX shipment_destination ON shipment (destination_region text_pattern_ops, id);
CREATE INDEX shipment_status ON shipment (status, id);
-- A VALID scan of a pass finds its shipment.
CREATE UNIQUE INDEX shipment_pass ON shipment (pass_id) WHERE pass_id IS NOT NULL;

-- What happened to a shipment, in order: each transition and each checkpoint its pass passed.
CREATE TABLE shipment_tracking (
    id            uuid PRIMARY KEY,
    shipment_id   uuid NOT NULL REFERENCES shipment (id),
    kind          text NOT NULL CHECK (kind IN ('PLANNED', 'VEHICLE_ASSIGNED', 'PICKED_UP', 'CHECKPOINT_PASSED',
                                                'DELIVERED', 'CANCELLED')),
    at            timestamptz NOT NULL,
    checkpoint_id uuid REFERENCES checkpoint (id),
    county_code   text,
    scan_id       uuid REFERENCES checkpoint_scan (id)
);
CREATE INDEX shipment_tracking_shipment ON shipment_tracking (shipment_id, at, id);
