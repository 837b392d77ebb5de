-- Referrals (裂变): a shop's settings, one code per advocate, visits through codes, sign-ups and
-- conversions (every decision on a referred order, denied ones included).

-- What a merchant set; missing keys take the defaults (some follow the points program), so the
-- row holds only the merchant's choices. `ip_salt` salts the buyers' IP hashes.
CREATE TABLE referral_settings (
  shop_id    text PRIMARY KEY REFERENCES shops (id) ON DELETE CASCADE,
  settings   jsonb NOT NULL DEFAULT '{}',
  ip_salt    text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- One code per customer per shop, stored upper case (matched case-insensitively by upper-casing
-- the lookup). Locked by every conversion decided for it, so cap and burst counts serialise.
CREATE TABLE referral_codes (
  shop_id      text NOT NULL REFERENCES shops (id) ON DELETE CASCADE,
  code         text NOT NULL CHECK (code = upper(code)),
  customer_id  text NOT NULL,
  display_name text NOT NULL,
  blocked      boolean NOT NULL DEFAULT false,
  created_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (shop_id, code),
  UNIQUE (shop_id, customer_id)
);

-- Visits: the code, the time and the landing page's path only (no query, IP or customer).
CREATE TABLE referral_visits (
  shop_id      text NOT NULL,
  id           text NOT NULL,
  code         text NOT NULL,
  landing_path text,
  created_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (shop_id, id),
  FOREIGN KEY (shop_id, code) REFERENCES referral_codes (shop_id, code) ON DELETE CASCADE
);
CREATE INDEX referral_visits_code ON referral_visits (shop_id, code);

-- Sign-ups through a code, once per customer.
CREATE TABLE referral_signups (
  shop_id     text NOT NULL,
  customer_id text NOT NULL,
  code        text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (shop_id, customer_id),
  FOREIGN KEY (shop_id, code) REFERENCES referral_codes (shop_id, code) ON DELETE CASCADE
);
CREATE INDEX referral_signups_code ON referral_signups (shop_id, code);

-- Conversions: one per referred order. `reward` is the advocate's reward as it was decided;
-- `coupon_code` the code generated when a coupon reward is approved; `ip_hash` the salted hash.
CREATE TABLE referral_conversions (
  shop_id         text NOT NULL,
  id              text NOT NULL,
  code            text NOT NULL,
  advocate_id     text NOT NULL,
  friend_id       text NOT NULL,
  order_id        text NOT NULL,
  status          text NOT NULL CHECK (status IN ('pending', 'approved', 'flagged', 'denied', 'reversed')),
  reasons         text[] NOT NULL DEFAULT '{}',
  reward          jsonb NOT NULL,
  friend_initials text NOT NULL,
  ip_hash         text,
  coupon_code     text,
  approves_at     timestamptz,
  created_at      timestamptz NOT NULL,
  decided_at      timestamptz,
  PRIMARY KEY (shop_id, id),
  UNIQUE (shop_id, order_id),
  FOREIGN KEY (shop_id, code) REFERENCES referral_codes (shop_id, code) ON DELETE CASCADE
);
-- The advocate's recent conversions and the code's counts (cap, burst, same IP).
CREATE INDEX referral_conversions_code ON referral_conversions (shop_id, code, created_at DESC);
CREATE INDEX referral_conversions_advocate ON referral_conversions (shop_id, advocate_id, created_at DESC, id);
CREATE INDEX referral_conversions_friend ON referral_conversions (shop_id, friend_id);
-- What the scheduler approves.
CREATE INDEX referral_conversions_due ON referral_conversions (approves_at) WHERE status = 'pending';
-- The merchant's review queue.
CREATE INDEX referral_conversions_status ON referral_conversions (shop_id, status, created_at, id);

-- Orders carry the merchant's hash of the buyer's email (self-referral checks).
ALTER TABLE orders ADD COLUMN email_hash text;
CREATE INDEX orders_email_hash ON orders (shop_id, customer_id, email_hash) WHERE email_hash IS NOT NULL;
