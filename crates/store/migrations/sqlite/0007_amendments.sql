-- A focal point amends a contribution by sending a new one that names it: the record is
-- append-only, so both stay, each with its own log leaf.
ALTER TABLE contributions ADD COLUMN amends_id INTEGER REFERENCES contributions (id);
CREATE INDEX contributions_by_amended ON contributions (amends_id) WHERE amends_id IS NOT NULL;
