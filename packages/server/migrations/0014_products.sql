-- The shop's product catalogue: titles, links, images and prices, so widgets, emails, JSON-LD and
-- the console show products instead of bare ids. Upserted by the admin API (one product, or a CSV
-- import), later by the shop integrations. A product id is the shop's own, as in every other table.
CREATE TABLE products (
  shop_id text NOT NULL REFERENCES shops (id),
  id text NOT NULL,
  title text NOT NULL,
  url text,
  image_url text,
  price_minor bigint,
  currency text,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (shop_id, id),
  CONSTRAINT products_price CHECK ((price_minor IS NULL) = (currency IS NULL) AND (price_minor IS NULL OR price_minor >= 0))
);
