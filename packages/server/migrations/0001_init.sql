-- Shops and their keys. The secret key also signs customer tokens (HS256), so it is kept as is.
CREATE TABLE shops (
  id              text PRIMARY KEY,
  name            text NOT NULL,
  publishable_key text NOT NULL UNIQUE,
  secret_key      text NOT NULL UNIQUE,
  allowed_origins text[] NOT NULL DEFAULT '{}',
  created_at      timestamptz NOT NULL DEFAULT now()
);

-- Show ids are the merchant's own, so they are unique per shop.
CREATE TABLE live_shows (
  shop_id         text NOT NULL REFERENCES shops (id) ON DELETE CASCADE,
  id              text NOT NULL,
  title           text NOT NULL,
  status          text NOT NULL CHECK (status IN ('scheduled', 'live', 'ended')),
  starts_at       timestamptz NOT NULL,
  started_at      timestamptz,
  ended_at        timestamptz,
  stream_url      text,
  replay_url      text,
  viewer_count    integer CHECK (viewer_count >= 0),
  host_name       text,
  host_avatar_url text,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (shop_id, id)
);

CREATE TABLE live_show_products (
  shop_id    text NOT NULL,
  show_id    text NOT NULL,
  product_id text NOT NULL,
  PRIMARY KEY (shop_id, show_id, product_id),
  FOREIGN KEY (shop_id, show_id) REFERENCES live_shows (shop_id, id) ON DELETE CASCADE
);
CREATE INDEX live_show_products_product ON live_show_products (shop_id, product_id);

-- Every change to a show, as the snapshot clients receive; the id is the SSE event id.
CREATE TABLE live_events (
  id         bigserial PRIMARY KEY,
  shop_id    text NOT NULL,
  show_id    text NOT NULL,
  snapshot   jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (shop_id, show_id) REFERENCES live_shows (shop_id, id) ON DELETE CASCADE
);
CREATE INDEX live_events_show ON live_events (shop_id, show_id, id);

-- First response to each Idempotency-Key, replayed for the same key (kept at least 24 h).
CREATE TABLE idempotency_keys (
  shop_id      text NOT NULL,
  key          text NOT NULL,
  request_hash text NOT NULL,
  status       integer,
  body         text,
  created_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (shop_id, key)
);

-- Fixed-window write limits, shared by every server process.
CREATE TABLE rate_limits (
  bucket       text PRIMARY KEY,
  window_start timestamptz NOT NULL,
  hits         integer NOT NULL
);
