-- Hardening (issue 16): a refund's shortfall kept in the ledger, and the indexes the photo upload
-- quota and the scheduler's clean-up of abandoned uploads read.

-- A refund takes the whole earn off lifetime points (tiers follow) but never drives the balance
-- below 0: `points` is what the reversal took back from the balance, `shortfall` the rest (already
-- spent or expired), which counts against lifetime only. When nothing at all could be taken back
-- the reversal is still written, with 0 points and its shortfall.
ALTER TABLE points_entries ADD COLUMN shortfall integer NOT NULL DEFAULT 0 CHECK (shortfall >= 0);
ALTER TABLE points_entries ADD CONSTRAINT points_entries_shortfall_reverse CHECK (shortfall = 0 OR kind = 'reverse');
ALTER TABLE points_entries DROP CONSTRAINT points_entries_points_check;
ALTER TABLE points_entries ADD CONSTRAINT points_entries_points_check CHECK (points <> 0 OR (kind = 'reverse' AND shortfall > 0));

-- The upload quota counts a customer's photos of the last 24 hours, attached or not; the scheduler
-- finds uploads no review took by age. They replace the partial index no query used.
CREATE INDEX review_media_customer ON review_media (shop_id, customer_id, created_at);
CREATE INDEX review_media_abandoned ON review_media (created_at) WHERE review_id IS NULL;
DROP INDEX review_media_unattached;

-- An abandoned upload being deleted: claimed first (no review may take it from then on), its bytes
-- deleted from the media store, then the row. A claim older than a few minutes belongs to a
-- process that stopped half-way and is taken over.
ALTER TABLE review_media ADD COLUMN pruning_at timestamptz;
