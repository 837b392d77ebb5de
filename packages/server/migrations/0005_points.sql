-- Points (积分): the program, rewards and their code pools, one account row per customer (the
-- lock every ledger write takes), the append-only ledger, check-ins, badges and redemptions.

-- A shop's program; a shop without a row has the default program. `earn` and `tiers` are JSON
-- checked by the API (one rule per action, purchase with `per`; tiers ascending from 0).
CREATE TABLE points_programs (
  shop_id       text PRIMARY KEY REFERENCES shops (id) ON DELETE CASCADE,
  name          text NOT NULL,
  earn          jsonb NOT NULL,
  tiers         jsonb NOT NULL,
  expiry_months integer CHECK (expiry_months >= 1),
  pending_days  integer NOT NULL CHECK (pending_days >= 0),
  time_zone     text NOT NULL,
  terms_url     text,
  updated_at    timestamptz NOT NULL DEFAULT now()
);

-- What points buy. `stock` NULL is unlimited and is only ever decremented conditionally, so it
-- never goes below 0. `pool_imported`: the merchant imported codes once, so an empty pool means
-- out of stock rather than "generate one".
CREATE TABLE points_rewards (
  shop_id       text NOT NULL REFERENCES shops (id) ON DELETE CASCADE,
  id            text NOT NULL,
  title         text NOT NULL,
  description   text,
  cost          integer NOT NULL CHECK (cost > 0),
  kind          text NOT NULL CHECK (kind IN ('coupon', 'perk')),
  coupon        jsonb,
  stock         integer CHECK (stock >= 0),
  tier_id       text,
  active        boolean NOT NULL DEFAULT true,
  pool_imported boolean NOT NULL DEFAULT false,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (shop_id, id)
);
CREATE INDEX points_rewards_catalogue ON points_rewards (shop_id, active, cost, created_at, id);

-- The merchant's imported codes; a code is unique in the shop and is claimed by one redemption.
CREATE TABLE points_reward_codes (
  shop_id       text NOT NULL,
  code          text NOT NULL,
  reward_id     text NOT NULL,
  redemption_id text,
  created_at    timestamptz NOT NULL DEFAULT now(),
  claimed_at    timestamptz,
  PRIMARY KEY (shop_id, code),
  FOREIGN KEY (shop_id, reward_id) REFERENCES points_rewards (shop_id, id) ON DELETE CASCADE
);
-- Unused codes of a reward, oldest first (what a redemption claims with SKIP LOCKED).
CREATE INDEX points_reward_codes_free ON points_reward_codes (shop_id, reward_id, created_at, code) WHERE redemption_id IS NULL;

-- One row per shop and customer, made on first use. Every ledger write locks it first, so a
-- customer's balance checks and appends are serialised however many processes race.
CREATE TABLE points_accounts (
  shop_id     text NOT NULL REFERENCES shops (id) ON DELETE CASCADE,
  customer_id text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (shop_id, customer_id)
);

-- The ledger: append-only; balance, pending, lifetime, tiers and expiry are all derived from it.
-- An entry takes effect at `effective_at` (`available_at`, else `created_at`): pending before,
-- available after. `reverses` links a refund's `reverse` entry to the purchase earn it undoes.
CREATE TABLE points_entries (
  id           bigserial PRIMARY KEY,
  shop_id      text NOT NULL,
  customer_id  text NOT NULL,
  kind         text NOT NULL CHECK (kind IN ('earn', 'redeem', 'expire', 'adjust', 'reverse')),
  action       text CHECK (action IN ('purchase', 'review', 'photo_review', 'share', 'referral', 'check_in', 'streak_bonus', 'team')),
  points       integer NOT NULL CHECK (points <> 0),
  source_type  text NOT NULL CHECK (source_type IN ('order', 'review', 'check_in', 'redemption', 'team', 'share', 'referral', 'adjustment', 'expiry')),
  source_id    text NOT NULL,
  source_label text,
  note         text,
  available_at timestamptz,
  created_at   timestamptz NOT NULL,
  effective_at timestamptz NOT NULL GENERATED ALWAYS AS (COALESCE(available_at, created_at)) STORED,
  expires_at   timestamptz,
  reverses     bigint REFERENCES points_entries (id),
  FOREIGN KEY (shop_id, customer_id) REFERENCES points_accounts (shop_id, customer_id) ON DELETE CASCADE
);
-- Exactly-once earns: one per (customer, action, source); a review earns once whichever of
-- `review` and `photo_review` it was; an order is reversed once.
CREATE UNIQUE INDEX points_earn_once ON points_entries (shop_id, customer_id, action, source_type, source_id)
  WHERE kind = 'earn' AND action NOT IN ('review', 'photo_review');
CREATE UNIQUE INDEX points_review_earn_once ON points_entries (shop_id, customer_id, source_type, source_id)
  WHERE kind = 'earn' AND action IN ('review', 'photo_review');
CREATE UNIQUE INDEX points_reverse_once ON points_entries (shop_id, customer_id, source_type, source_id) WHERE kind = 'reverse';
-- The history (newest first by when entries took effect) and every per-customer sum.
CREATE INDEX points_entries_customer ON points_entries (shop_id, customer_id, effective_at, id);
-- What the scheduler scans for points coming due to expire.
CREATE INDEX points_entries_expiry ON points_entries (expires_at, shop_id, customer_id) WHERE expires_at IS NOT NULL;
-- Daily caps count a customer's earns of one action per day.
CREATE INDEX points_entries_daily ON points_entries (shop_id, customer_id, action, created_at) WHERE kind = 'earn';

-- Daily check-ins, one per customer and day (in the program's time zone), with the streak then.
CREATE TABLE points_check_ins (
  shop_id     text NOT NULL,
  customer_id text NOT NULL,
  day         date NOT NULL,
  streak      integer NOT NULL CHECK (streak >= 1),
  created_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (shop_id, customer_id, day),
  FOREIGN KEY (shop_id, customer_id) REFERENCES points_accounts (shop_id, customer_id) ON DELETE CASCADE
);

-- Badges, each earned once.
CREATE TABLE points_badges (
  shop_id     text NOT NULL,
  customer_id text NOT NULL,
  badge_id    text NOT NULL,
  earned_at   timestamptz NOT NULL,
  PRIMARY KEY (shop_id, customer_id, badge_id),
  FOREIGN KEY (shop_id, customer_id) REFERENCES points_accounts (shop_id, customer_id) ON DELETE CASCADE
);

-- Rewards redeemed, with the code handed out (unique in the shop) and the reward as it was then.
CREATE TABLE points_redemptions (
  shop_id      text NOT NULL,
  id           text NOT NULL,
  customer_id  text NOT NULL,
  reward_id    text NOT NULL,
  reward_title text NOT NULL,
  points       integer NOT NULL CHECK (points > 0),
  code         text NOT NULL,
  coupon       jsonb,
  expires_at   timestamptz,
  entry_id     bigint NOT NULL REFERENCES points_entries (id),
  created_at   timestamptz NOT NULL,
  PRIMARY KEY (shop_id, id),
  UNIQUE (shop_id, code),
  FOREIGN KEY (shop_id, customer_id) REFERENCES points_accounts (shop_id, customer_id) ON DELETE CASCADE
);
CREATE INDEX points_redemptions_customer ON points_redemptions (shop_id, customer_id, created_at DESC);

-- Orders earn purchase points from their total; a refund is recorded once.
ALTER TABLE orders ADD COLUMN total_minor bigint;
ALTER TABLE orders ADD COLUMN total_currency text;
ALTER TABLE orders ADD COLUMN refunded_at timestamptz;

-- The webhook outbox now carries points events too: `team_id` holds the event's subject, the team
-- for `team.*` and the redemption for `points.redeemed`.
