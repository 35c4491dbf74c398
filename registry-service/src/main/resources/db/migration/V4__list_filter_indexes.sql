-- Keyset indexes for the two list filters that had none ending in id (issue 16, "Reads at scale").
-- GET /api/v1/enterprises?kind=... scanned the primary key and filtered: a rare kind (a few
-- thousand health institutions among a million organisations) read the whole table for one page.
CREATE INDEX enterprise_kind ON enterprise (kind, id);
-- enterprise_resumption (resumption_status, region_code) serves the resumption reports by region;
-- the list orders by id and needs the status followed by the keyset.
CREATE INDEX enterprise_resumption_list ON enterprise (resumption_status, id);
