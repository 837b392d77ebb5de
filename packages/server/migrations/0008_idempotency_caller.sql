-- Idempotency-Keys are scoped to their caller (a customer, the secret key, an anonymous client),
-- so one caller's key can never replay another's answer. Rows from before have no caller and
-- match no request; they age out with the 48-hour clean-up.
ALTER TABLE idempotency_keys ADD COLUMN caller text NOT NULL DEFAULT '';
ALTER TABLE idempotency_keys DROP CONSTRAINT idempotency_keys_pkey;
ALTER TABLE idempotency_keys ADD PRIMARY KEY (shop_id, caller, key);
CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);
