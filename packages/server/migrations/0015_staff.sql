-- The merchant's staff, who sign in to the console (/admin/) instead of using the secret key.
-- An email is one person on one shop (a second shop needs a second email); `role` is `owner`
-- (everything the secret key may do) or `moderator` (the moderation queue only). The password is an
-- scrypt hash (`scrypt$N$r$p$salt$hash`), null until the invitation is accepted.
CREATE TABLE staff_users (
  id text PRIMARY KEY,
  shop_id text NOT NULL REFERENCES shops (id),
  email text NOT NULL UNIQUE,
  role text NOT NULL CHECK (role IN ('owner', 'moderator')),
  password_hash text,
  created_at timestamptz NOT NULL DEFAULT now(),
  disabled_at timestamptz,
  CONSTRAINT staff_users_email_lower CHECK (email = lower(email))
);
CREATE INDEX staff_users_shop ON staff_users (shop_id);

-- Invitations (one use) and console sessions, stored as the sha256 of the secret the person holds:
-- a copy of this table signs no one in. Revoked or past `expires_at`, a row lets no one in.
CREATE TABLE staff_tokens (
  hash text PRIMARY KEY,
  user_id text NOT NULL REFERENCES staff_users (id),
  kind text NOT NULL CHECK (kind IN ('invite', 'session')),
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  revoked_at timestamptz
);
CREATE INDEX staff_tokens_user ON staff_tokens (user_id, kind);

-- Every admin write, by the secret key or a staff member's session, with what it was sent and what
-- it answered (`before` where the route records it), secrets redacted. Kept with the write, in its
-- transaction. `moderation`: a write a moderator may make, the only entries moderators may read.
CREATE TABLE audit_log (
  id bigserial PRIMARY KEY,
  shop_id text NOT NULL REFERENCES shops (id),
  at timestamptz NOT NULL DEFAULT now(),
  actor_kind text NOT NULL CHECK (actor_kind IN ('secret_key', 'staff')),
  actor_id text REFERENCES staff_users (id),
  actor_email text,
  operation text NOT NULL,
  moderation boolean NOT NULL,
  method text NOT NULL,
  path text NOT NULL,
  target text,
  request jsonb,
  before jsonb,
  after jsonb,
  CONSTRAINT audit_log_actor CHECK ((actor_kind = 'staff') = (actor_id IS NOT NULL))
);
CREATE INDEX audit_log_shop ON audit_log (shop_id, id DESC);
