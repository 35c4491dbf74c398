-- Declared daily output per supplier and item: what "days to cover" a shortage is computed from.
CREATE TABLE production_capacity (
    supplier_id    uuid        NOT NULL REFERENCES enterprise_view (id),
    item_code      text        NOT NULL REFERENCES supply_item (code),
    daily_quantity bigint      NOT NULL CHECK (daily_quantity >= 0),
    updated_at     timestamptz NOT NULL,
    PRIMARY KEY (supplier_id, item_code)
);
CREATE INDEX production_capacity_item ON production_capacity (item_code);
