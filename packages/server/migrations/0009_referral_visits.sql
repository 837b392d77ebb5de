-- Referral visits counted once per visitor and at most `visitsPerHour` per code per hour.
-- `visitor_hash` is the salted hash (the shop's `ip_salt`) of the page's session id, `network_hash`
-- of the network address and browser for the day: never the IP itself. A visit counts only when
-- neither was seen for the code (a session id is the client's word, so a new one per request must
-- not make a new click). Rows from before have neither and stay as they were.
ALTER TABLE referral_visits ADD COLUMN visitor_hash text;
ALTER TABLE referral_visits ADD COLUMN network_hash text;
CREATE UNIQUE INDEX referral_visits_visitor ON referral_visits (shop_id, code, visitor_hash);
CREATE INDEX referral_visits_network ON referral_visits (shop_id, code, network_hash);
-- The code's visits in the last hour (the cap) and its counted visits per hour (the burst report).
DROP INDEX referral_visits_code;
CREATE INDEX referral_visits_code ON referral_visits (shop_id, code, created_at);

-- Visits refused by the hourly cap: a counter per code and hour, so a flood adds no rows.
CREATE TABLE referral_visit_refusals (
  shop_id text NOT NULL,
  code    text NOT NULL,
  hour    timestamptz NOT NULL,
  refused integer NOT NULL,
  PRIMARY KEY (shop_id, code, hour),
  FOREIGN KEY (shop_id, code) REFERENCES referral_codes (shop_id, code) ON DELETE CASCADE
);
CREATE INDEX referral_visit_refusals_hour ON referral_visit_refusals (shop_id, hour DESC);
