-- Keyset indexes for GET /api/v1/supply-requests?item=...&status=... (issue 16, "Reads at scale").
-- supply_request_open covers only open requests (the allocation engine's queue); a list of an item's
-- requests in every status, or of one status (cancelled, fulfilled), scanned the primary key and
-- filtered, which for a rare status read the whole table for one page.
CREATE INDEX supply_request_item ON supply_request (item_code, id);
CREATE INDEX supply_request_status ON supply_request (status, id);
