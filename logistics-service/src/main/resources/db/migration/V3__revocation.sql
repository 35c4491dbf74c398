-- Revocation: by an authority with a reason, or by logistics itself when the registry suspends or
-- deregisters the enterprise. revocation_seq orders the public delta list that checkpoints poll.
ALTER TABLE green_pass ADD COLUMN revoked_at timestamptz;
ALTER TABLE green_pass ADD COLUMN revoked_by text;
ALTER TABLE green_pass ADD COLUMN revocation_reason text;
ALTER TABLE green_pass ADD COLUMN revocation_seq bigint UNIQUE;
CREATE INDEX green_pass_revocations ON green_pass (revocation_seq) WHERE revocation_seq IS NOT NULL;

-- The last revocation_seq handed out. Taken with an UPDATE that keeps the row locked until the
-- revoking transaction commits, so revocations become visible in seq order: a handheld asking for
-- everything after the last seq it saw never skips one that commits late.
CREATE TABLE revocation_counter (
    id       boolean PRIMARY KEY DEFAULT true CHECK (id),
    last_seq bigint NOT NULL
);
INSERT INTO revocation_counter (id, last_seq) VALUES (true, 0);
