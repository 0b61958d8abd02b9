-- Unverified contributions counted per sender, for the limit every server shares: a keyed hash
-- of the sender's network address (keyed by the log's key, which is not in the database, so the
-- database alone cannot tell who sent what). Not part of the canonical record.
ALTER TABLE contributions ADD COLUMN sender_key TEXT;
CREATE INDEX contributions_by_sender ON contributions (sender_key, submitted_at) WHERE sender_key IS NOT NULL;
