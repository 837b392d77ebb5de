-- Orders reported by the merchant's backend (POST /v1/admin/orders): the proof behind "verified
-- buyer", reused by later domains (points, referrals).
CREATE TABLE orders (
  shop_id     text NOT NULL REFERENCES shops (id) ON DELETE CASCADE,
  id          text NOT NULL,
  customer_id text NOT NULL,
  placed_at   timestamptz NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (shop_id, id)
);
CREATE INDEX orders_customer ON orders (shop_id, customer_id);

CREATE TABLE order_items (
  shop_id    text NOT NULL,
  order_id   text NOT NULL,
  product_id text NOT NULL,
  PRIMARY KEY (shop_id, order_id, product_id),
  FOREIGN KEY (shop_id, order_id) REFERENCES orders (shop_id, id) ON DELETE CASCADE
);

-- Per-shop moderation rules; a shop without a row gets these defaults.
CREATE TABLE review_settings (
  shop_id            text PRIMARY KEY REFERENCES shops (id) ON DELETE CASCADE,
  auto_publish       text NOT NULL DEFAULT 'verified' CHECK (auto_publish IN ('none', 'verified', 'all')),
  min_rating_auto    integer NOT NULL DEFAULT 1 CHECK (min_rating_auto BETWEEN 1 AND 5),
  report_threshold   integer NOT NULL DEFAULT 3 CHECK (report_threshold >= 1),
  submissions_per_hour integer NOT NULL DEFAULT 5 CHECK (submissions_per_hour >= 1)
);

CREATE TABLE reviews (
  shop_id       text NOT NULL REFERENCES shops (id) ON DELETE CASCADE,
  id            text NOT NULL,
  product_id    text NOT NULL,
  customer_id   text NOT NULL,
  display_name  text NOT NULL,
  rating        integer NOT NULL CHECK (rating BETWEEN 1 AND 5),
  title         text,
  body          text NOT NULL,
  body_hash     text NOT NULL,
  recommend     boolean,
  verified      boolean NOT NULL,
  incentivized  boolean NOT NULL DEFAULT false,
  status        text NOT NULL CHECK (status IN ('pending', 'published', 'rejected')),
  flags         text[] NOT NULL DEFAULT '{}',
  helpful_count integer NOT NULL DEFAULT 0,
  reply_body    text,
  reply_at      timestamptz,
  client_ip     text,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (shop_id, id),
  -- One review per customer per product.
  UNIQUE (shop_id, product_id, customer_id)
);
CREATE INDEX reviews_listing ON reviews (shop_id, product_id, status, created_at DESC);
CREATE INDEX reviews_text ON reviews (shop_id, body_hash);
CREATE INDEX reviews_customer ON reviews (shop_id, customer_id, created_at);
CREATE INDEX reviews_ip ON reviews (shop_id, client_ip, created_at);

CREATE TABLE review_votes (
  shop_id     text NOT NULL,
  review_id   text NOT NULL,
  customer_id text NOT NULL,
  PRIMARY KEY (shop_id, review_id, customer_id),
  FOREIGN KEY (shop_id, review_id) REFERENCES reviews (shop_id, id) ON DELETE CASCADE
);

CREATE TABLE review_reports (
  shop_id     text NOT NULL,
  review_id   text NOT NULL,
  customer_id text NOT NULL,
  reason      text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (shop_id, review_id, customer_id),
  FOREIGN KEY (shop_id, review_id) REFERENCES reviews (shop_id, id) ON DELETE CASCADE
);
