-- Who issued and who revoked each key (the administrator's own key id); NULL for the bootstrap key
-- and for keys issued before this was recorded.
ALTER TABLE api_key ADD COLUMN issued_by uuid REFERENCES api_key (id);
ALTER TABLE api_key ADD COLUMN revoked_by uuid REFERENCES api_key (id);
