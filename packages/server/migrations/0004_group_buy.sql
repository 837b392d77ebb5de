-- Group buy (拼团): campaigns, teams, seats, the teams' event log for SSE, and webhooks.

-- A merchant's offer for one product. Tiers are `[{ size, price: { minor, currency } }]`, checked
-- by the API (ascending sizes, falling prices below the solo price, one currency).
CREATE TABLE group_buy_campaigns (
  shop_id               text NOT NULL REFERENCES shops (id) ON DELETE CASCADE,
  id                    text NOT NULL,
  product_id            text NOT NULL,
  product_title         text,
  product_url           text,
  product_image_url     text,
  currency              text NOT NULL,
  solo_price_minor      integer NOT NULL CHECK (solo_price_minor >= 0),
  tiers                 jsonb NOT NULL,
  team_duration_seconds integer NOT NULL CHECK (team_duration_seconds >= 1),
  max_members           integer NOT NULL CHECK (max_members BETWEEN 2 AND 100),
  hold_seconds          integer NOT NULL CHECK (hold_seconds >= 1),
  starts_at             timestamptz NOT NULL,
  ends_at               timestamptz,
  -- Set when the merchant ends the campaign (DELETE); open teams run to their deadlines.
  ended_at              timestamptz,
  stock                 integer CHECK (stock >= 0),
  reward_description    text,
  reward_points         integer CHECK (reward_points >= 0),
  created_at            timestamptz NOT NULL DEFAULT now(),
  updated_at            timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (shop_id, id)
);
CREATE INDEX group_buy_campaigns_product ON group_buy_campaigns (shop_id, product_id);

-- A team keeps the terms it started with (tiers, prices, size, hold, deadline): editing the
-- campaign never moves a running team's goalposts.
CREATE TABLE group_buy_teams (
  shop_id          text NOT NULL,
  id               text NOT NULL,
  campaign_id      text NOT NULL,
  product_id       text NOT NULL,
  state            text NOT NULL CHECK (state IN ('forming', 'succeeded', 'closed', 'expired')),
  currency         text NOT NULL,
  solo_price_minor integer NOT NULL,
  tiers            jsonb NOT NULL,
  max_members      integer NOT NULL,
  hold_seconds     integer NOT NULL,
  created_at       timestamptz NOT NULL DEFAULT now(),
  expires_at       timestamptz NOT NULL,
  ended_at         timestamptz,
  PRIMARY KEY (shop_id, id),
  FOREIGN KEY (shop_id, campaign_id) REFERENCES group_buy_campaigns (shop_id, id) ON DELETE CASCADE
);
CREATE INDEX group_buy_teams_campaign ON group_buy_teams (shop_id, campaign_id, state, expires_at);
CREATE INDEX group_buy_teams_listing ON group_buy_teams (shop_id, created_at DESC, id);
-- What the scheduler scans for deadlines.
CREATE INDEX group_buy_teams_due ON group_buy_teams (expires_at) WHERE state IN ('forming', 'succeeded');

-- Seats: `held` (checking out until hold_expires_at) or `confirmed` (order reported) are live;
-- `lapsed` and `left` stay as history for the merchant and give the seat and stock back.
CREATE TABLE group_buy_seats (
  id              bigserial PRIMARY KEY,
  shop_id         text NOT NULL,
  team_id         text NOT NULL,
  campaign_id     text NOT NULL,
  customer_id     text NOT NULL,
  display_name    text,
  status          text NOT NULL CHECK (status IN ('held', 'confirmed', 'lapsed', 'left')),
  leader          boolean NOT NULL DEFAULT false,
  hold_expires_at timestamptz,
  order_id        text,
  created_at      timestamptz NOT NULL DEFAULT now(),
  ended_at        timestamptz,
  FOREIGN KEY (shop_id, team_id) REFERENCES group_buy_teams (shop_id, id) ON DELETE CASCADE
);
-- At most one live seat per customer and team, whatever races.
CREATE UNIQUE INDEX group_buy_seats_one_live ON group_buy_seats (shop_id, team_id, customer_id) WHERE status IN ('held', 'confirmed');
CREATE INDEX group_buy_seats_team ON group_buy_seats (shop_id, team_id, created_at, id);
CREATE INDEX group_buy_seats_customer ON group_buy_seats (shop_id, campaign_id, customer_id) WHERE status IN ('held', 'confirmed');
CREATE INDEX group_buy_seats_holds ON group_buy_seats (hold_expires_at) WHERE status = 'held';

-- Every change to a team, as the public snapshot streams send; the id is the SSE event id.
CREATE TABLE group_buy_team_events (
  id         bigserial PRIMARY KEY,
  shop_id    text NOT NULL,
  team_id    text NOT NULL,
  snapshot   jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (shop_id, team_id) REFERENCES group_buy_teams (shop_id, id) ON DELETE CASCADE
);
CREATE INDEX group_buy_team_events_team ON group_buy_team_events (shop_id, team_id, id);

-- Which seat an order confirmed.
ALTER TABLE orders ADD COLUMN team_id text;

-- Where a shop's webhooks go; the secret signs them (Kith-Signature).
CREATE TABLE webhook_endpoints (
  shop_id    text PRIMARY KEY REFERENCES shops (id) ON DELETE CASCADE,
  url        text NOT NULL,
  secret     text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- The outbox: written in the transaction that causes the event. The unique key makes each event
-- exist once however many processes race: (team, type, tier size) for tiers, the seat id for
-- member_left, 0 otherwise. `body` is the exact JSON sent on every attempt.
CREATE TABLE webhook_deliveries (
  id              text PRIMARY KEY,
  shop_id         text NOT NULL REFERENCES shops (id) ON DELETE CASCADE,
  type            text NOT NULL,
  team_id         text NOT NULL,
  subkey          bigint NOT NULL DEFAULT 0,
  body            text NOT NULL,
  status          text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed')),
  attempts        integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  last_status     integer,
  last_error      text,
  delivered_at    timestamptz,
  created_at      timestamptz NOT NULL DEFAULT now(),
  UNIQUE (shop_id, type, team_id, subkey)
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE status = 'pending';
CREATE INDEX webhook_deliveries_log ON webhook_deliveries (shop_id, created_at DESC, id);

CREATE TABLE webhook_attempts (
  id           bigserial PRIMARY KEY,
  delivery_id  text NOT NULL REFERENCES webhook_deliveries (id) ON DELETE CASCADE,
  attempt      integer NOT NULL,
  attempted_at timestamptz NOT NULL DEFAULT now(),
  status_code  integer,
  error        text,
  duration_ms  integer NOT NULL
);
CREATE INDEX webhook_attempts_delivery ON webhook_attempts (delivery_id, attempt);
