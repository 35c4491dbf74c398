-- Each client's rate-limit tier (a name from fugong.gateway.rate-limit.tiers).
ALTER TABLE api_key ADD COLUMN tier text NOT NULL DEFAULT 'standard';
