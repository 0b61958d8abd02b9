-- What a commitment serves and where it came from (issue 21): the issues of the taxonomy
-- (identifiers separated by commas), and the draft (its symbol) or contribution it came from.
ALTER TABLE commitments ADD COLUMN issues TEXT NOT NULL DEFAULT '';
ALTER TABLE commitments ADD COLUMN draft_symbol TEXT;
ALTER TABLE commitments ADD COLUMN contribution_id INTEGER REFERENCES contributions (id);
