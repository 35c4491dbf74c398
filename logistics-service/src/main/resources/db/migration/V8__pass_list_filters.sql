-- The pass list's own filters (?status=, ?cargo_category=), each with the id the keyset pages by,
-- as every other list filter of this service has: an authority's review queue
-- (status=PENDING_REVIEW) no longer reads every pass of its scope to find the few waiting.
CREATE INDEX green_pass_status ON green_pass (status, id);
CREATE INDEX green_pass_cargo ON green_pass (cargo_category, id);
