-- Review summaries kept on write. A summary read was a scan of every published review of the
-- product (and an ILIKE per topic over each one); now each publish, hide, edit or photo change
-- adjusts a product's counts in the same transaction, by triggers on the tables, so every write
-- path (moderation, reports, media, the seed, a psql session) keeps them right.

CREATE TABLE review_stats (
  shop_id       text NOT NULL REFERENCES shops (id) ON DELETE CASCADE,
  product_id    text NOT NULL,
  -- Published reviews per star, 1 to 5.
  n1            integer NOT NULL DEFAULT 0,
  n2            integer NOT NULL DEFAULT 0,
  n3            integer NOT NULL DEFAULT 0,
  n4            integer NOT NULL DEFAULT 0,
  n5            integer NOT NULL DEFAULT 0,
  recommend_yes integer NOT NULL DEFAULT 0,
  recommend_any integer NOT NULL DEFAULT 0,
  with_media    integer NOT NULL DEFAULT 0,
  PRIMARY KEY (shop_id, product_id)
);

-- Published reviews mentioning each of the shop's topics (title or text, case-insensitive).
CREATE TABLE review_topic_stats (
  shop_id    text NOT NULL REFERENCES shops (id) ON DELETE CASCADE,
  product_id text NOT NULL,
  label      text NOT NULL,
  n          integer NOT NULL DEFAULT 0,
  PRIMARY KEY (shop_id, product_id, label)
);

-- The ILIKE pattern for "contains `label`": its %, _ and \ match themselves (as containsPattern in TS).
CREATE FUNCTION kith_contains_pattern(label text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT '%' || replace(replace(replace(label, '\', '\\'), '%', '\%'), '_', '\_') || '%'
$$;

-- Adds `d` (1 or -1) of review `r` to its product's counts when it is published. A removal only
-- updates rows that exist: a shop being deleted has already lost them, and must not get them back.
CREATE FUNCTION kith_review_stats_apply(r reviews, d integer) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF r.status <> 'published' THEN
    RETURN;
  END IF;
  IF d > 0 THEN
    INSERT INTO review_stats (shop_id, product_id) VALUES (r.shop_id, r.product_id) ON CONFLICT DO NOTHING;
  END IF;
  UPDATE review_stats SET
    n1 = n1 + CASE WHEN r.rating = 1 THEN d ELSE 0 END,
    n2 = n2 + CASE WHEN r.rating = 2 THEN d ELSE 0 END,
    n3 = n3 + CASE WHEN r.rating = 3 THEN d ELSE 0 END,
    n4 = n4 + CASE WHEN r.rating = 4 THEN d ELSE 0 END,
    n5 = n5 + CASE WHEN r.rating = 5 THEN d ELSE 0 END,
    recommend_yes = recommend_yes + CASE WHEN r.recommend THEN d ELSE 0 END,
    recommend_any = recommend_any + CASE WHEN r.recommend IS NOT NULL THEN d ELSE 0 END,
    with_media = with_media + CASE WHEN r.media_count > 0 THEN d ELSE 0 END
  WHERE shop_id = r.shop_id AND product_id = r.product_id;
  IF d > 0 THEN
    INSERT INTO review_topic_stats (shop_id, product_id, label, n)
      SELECT r.shop_id, r.product_id, t.label, 1
      FROM review_settings s, unnest(s.topics) AS t (label)
      WHERE s.shop_id = r.shop_id
        AND (r.body ILIKE kith_contains_pattern(t.label) OR r.title ILIKE kith_contains_pattern(t.label))
    ON CONFLICT (shop_id, product_id, label) DO UPDATE SET n = review_topic_stats.n + 1;
  ELSE
    UPDATE review_topic_stats AS ts SET n = ts.n + d
      FROM review_settings s, unnest(s.topics) AS t (label)
      WHERE s.shop_id = r.shop_id AND ts.shop_id = r.shop_id AND ts.product_id = r.product_id AND ts.label = t.label
        AND (r.body ILIKE kith_contains_pattern(t.label) OR r.title ILIKE kith_contains_pattern(t.label));
  END IF;
END
$$;

CREATE FUNCTION kith_review_stats_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM kith_review_stats_apply(OLD, -1);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM kith_review_stats_apply(NEW, 1);
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER review_stats_insert_delete AFTER INSERT OR DELETE ON reviews
  FOR EACH ROW EXECUTE FUNCTION kith_review_stats_row();
-- Only changes that move a count: a helpful vote or a reply leaves the counts (and their row lock) alone.
CREATE TRIGGER review_stats_update AFTER UPDATE ON reviews
  FOR EACH ROW WHEN (
    OLD.status IS DISTINCT FROM NEW.status OR OLD.rating IS DISTINCT FROM NEW.rating
    OR OLD.recommend IS DISTINCT FROM NEW.recommend OR OLD.media_count IS DISTINCT FROM NEW.media_count
    OR OLD.title IS DISTINCT FROM NEW.title OR OLD.body IS DISTINCT FROM NEW.body
    OR OLD.product_id IS DISTINCT FROM NEW.product_id
  ) EXECUTE FUNCTION kith_review_stats_row();

-- Recounts a shop's topic mentions from its published reviews: when the merchant changes the topics.
CREATE FUNCTION kith_review_topics_recount(shop text) RETURNS void LANGUAGE sql AS $$
  DELETE FROM review_topic_stats WHERE shop_id = shop;
  INSERT INTO review_topic_stats (shop_id, product_id, label, n)
    SELECT r.shop_id, r.product_id, t.label, count(*)
    FROM reviews r JOIN review_settings s ON s.shop_id = r.shop_id, unnest(s.topics) AS t (label)
    WHERE r.shop_id = shop AND r.status = 'published'
      AND (r.body ILIKE kith_contains_pattern(t.label) OR r.title ILIKE kith_contains_pattern(t.label))
    GROUP BY r.shop_id, r.product_id, t.label;
$$;

CREATE FUNCTION kith_review_topics_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM kith_review_topics_recount(NEW.shop_id);
  RETURN NULL;
END
$$;

CREATE TRIGGER review_topics_insert AFTER INSERT ON review_settings
  FOR EACH ROW EXECUTE FUNCTION kith_review_topics_changed();
CREATE TRIGGER review_topics_update AFTER UPDATE ON review_settings
  FOR EACH ROW WHEN (OLD.topics IS DISTINCT FROM NEW.topics) EXECUTE FUNCTION kith_review_topics_changed();

-- The counts of the reviews already written.
INSERT INTO review_stats (shop_id, product_id, n1, n2, n3, n4, n5, recommend_yes, recommend_any, with_media)
  SELECT shop_id, product_id,
    count(*) FILTER (WHERE rating = 1), count(*) FILTER (WHERE rating = 2), count(*) FILTER (WHERE rating = 3),
    count(*) FILTER (WHERE rating = 4), count(*) FILTER (WHERE rating = 5),
    count(*) FILTER (WHERE recommend), count(recommend), count(*) FILTER (WHERE media_count > 0)
  FROM reviews WHERE status = 'published' GROUP BY shop_id, product_id;
SELECT kith_review_topics_recount(shop_id) FROM review_settings;
