-- Reviews part 3: photos, questions and answers, topics, keyset paging.

-- Photos wait for a person unless the shop turns this on ("media always manual" by default).
-- Topics are the keywords shown as filter pills with their counts.
ALTER TABLE review_settings ADD COLUMN media_auto_publish boolean NOT NULL DEFAULT false;
ALTER TABLE review_settings ADD COLUMN topics text[] NOT NULL DEFAULT '{}';

-- How many photos a review carries, fixed when it is written; the `media` sort and filter and
-- withMediaCount read it without a join.
ALTER TABLE reviews ADD COLUMN media_count integer NOT NULL DEFAULT 0;

-- Customer photos. The row is the upload (owner, sniffed type, displayed size); `review_id` is set
-- once a review takes it. `data` holds the bytes for the default (database) media store and stays
-- NULL when another store keeps them. Ids are global: GET /v1/media/:id carries no key.
CREATE TABLE review_media (
  id           text PRIMARY KEY,
  shop_id      text NOT NULL REFERENCES shops (id) ON DELETE CASCADE,
  customer_id  text NOT NULL,
  review_id    text,
  position     integer,
  content_type text NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png', 'image/webp')),
  width        integer NOT NULL CHECK (width > 0),
  height       integer NOT NULL CHECK (height > 0),
  byte_size    integer NOT NULL CHECK (byte_size > 0),
  data         bytea,
  created_at   timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (shop_id, review_id) REFERENCES reviews (shop_id, id) ON DELETE CASCADE
);
CREATE INDEX review_media_review ON review_media (shop_id, review_id, position);
CREATE INDEX review_media_unattached ON review_media (shop_id, customer_id, created_at) WHERE review_id IS NULL;

-- Keyset paging: one index per sort, in the sort's exact order (ties: created_at DESC, then id).
DROP INDEX IF EXISTS reviews_listing;
CREATE INDEX reviews_newest ON reviews (shop_id, product_id, status, created_at DESC, id);
CREATE INDEX reviews_highest ON reviews (shop_id, product_id, status, rating DESC, created_at DESC, id);
CREATE INDEX reviews_lowest ON reviews (shop_id, product_id, status, rating, created_at DESC, id);
CREATE INDEX reviews_helpful ON reviews (shop_id, product_id, status, helpful_count DESC, created_at DESC, id);
CREATE INDEX reviews_media ON reviews (shop_id, product_id, status, (media_count > 0) DESC, created_at DESC, id);
CREATE INDEX reviews_queue ON reviews (shop_id, status, created_at, id);

CREATE TABLE questions (
  shop_id      text NOT NULL REFERENCES shops (id) ON DELETE CASCADE,
  id           text NOT NULL,
  product_id   text NOT NULL,
  customer_id  text NOT NULL,
  display_name text NOT NULL,
  body         text NOT NULL,
  status       text NOT NULL CHECK (status IN ('pending', 'published', 'rejected')),
  flags        text[] NOT NULL DEFAULT '{}',
  client_ip    text,
  created_at   timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (shop_id, id)
);
CREATE INDEX questions_listing ON questions (shop_id, product_id, status, created_at DESC, id);
CREATE INDEX questions_queue ON questions (shop_id, status, created_at, id);
CREATE INDEX questions_customer ON questions (shop_id, customer_id, created_at);
CREATE INDEX questions_ip ON questions (shop_id, client_ip, created_at);

-- Customers answer through the shopper API; merchants and the experts they name through the admin
-- API (customer_id NULL).
CREATE TABLE answers (
  shop_id      text NOT NULL,
  id           text NOT NULL,
  question_id  text NOT NULL,
  customer_id  text,
  display_name text NOT NULL,
  body         text NOT NULL,
  role         text NOT NULL CHECK (role IN ('customer', 'merchant', 'expert')),
  verified     boolean NOT NULL DEFAULT false,
  status       text NOT NULL CHECK (status IN ('pending', 'published', 'rejected')),
  flags        text[] NOT NULL DEFAULT '{}',
  client_ip    text,
  created_at   timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (shop_id, id),
  FOREIGN KEY (shop_id, question_id) REFERENCES questions (shop_id, id) ON DELETE CASCADE
);
CREATE INDEX answers_question ON answers (shop_id, question_id, status, created_at, id);
CREATE INDEX answers_queue ON answers (shop_id, status, created_at, id);
CREATE INDEX answers_customer ON answers (shop_id, customer_id, created_at);
CREATE INDEX answers_ip ON answers (shop_id, client_ip, created_at);
