-- Points: find a purchase's reversal from the earn it undoes (expiry nets the two). 0005 is on
-- main already, so the index comes as its own migration rather than an edit.
CREATE INDEX points_entries_reverses ON points_entries (reverses) WHERE reverses IS NOT NULL;
