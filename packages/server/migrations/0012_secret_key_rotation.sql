-- Rotating a shop's secret key (POST /v1/admin/keys/rotate): the key it replaces is kept until
-- previous_secret_key_expires_at (the overlap window), for verifying customer tokens only, so tokens
-- a merchant's servers signed before they switched keep working. It no longer authenticates API calls.
ALTER TABLE shops ADD COLUMN previous_secret_key text;
ALTER TABLE shops ADD COLUMN previous_secret_key_expires_at timestamptz;
ALTER TABLE shops ADD CONSTRAINT shops_previous_secret_key_window
  CHECK ((previous_secret_key IS NULL) = (previous_secret_key_expires_at IS NULL));
