-- The public log and what intake through the web needs: how identity is known, a contact
-- address (never published), withholding, the record's hash, attachments, idempotency keys.

ALTER TABLE contributions ADD COLUMN identity TEXT NOT NULL DEFAULT 'recorded'
    CHECK (identity IN ('recorded', 'unverified', 'verified'));
ALTER TABLE contributions ADD COLUMN contact_email TEXT;
ALTER TABLE contributions ADD COLUMN withheld_reason TEXT;
-- The entity's name and country as submitted: the canonical record is made of what cannot change.
ALTER TABLE contributions ADD COLUMN entity_name TEXT;
ALTER TABLE contributions ADD COLUMN country TEXT;
UPDATE contributions SET (entity_name, country) = (SELECT name, country FROM entities WHERE entities.id = entity_id);

CREATE TABLE attachments (
    contribution_id INTEGER NOT NULL REFERENCES contributions (id),
    position        INTEGER NOT NULL,
    name            TEXT NOT NULL,
    media_type      TEXT NOT NULL,
    size            INTEGER NOT NULL,
    sha256          TEXT NOT NULL,  -- hexadecimal; the blob store's key
    -- Text extraction, done in the background: pending, done, failed (with a note) or unsupported.
    extraction      TEXT NOT NULL DEFAULT 'pending'
        CHECK (extraction IN ('pending', 'done', 'failed', 'unsupported')),
    extraction_note TEXT,
    text            TEXT,
    PRIMARY KEY (contribution_id, position)
) STRICT;

CREATE INDEX attachments_pending_extraction ON attachments (extraction) WHERE extraction = 'pending';

-- Leaf i of the log is contribution contribution_id; the leaf is the RFC 6962 leaf hash of
-- record_sha256, the SHA-256 of the contribution's canonical record.
CREATE TABLE log_leaves (
    leaf_index      INTEGER PRIMARY KEY,
    contribution_id INTEGER NOT NULL UNIQUE REFERENCES contributions (id),
    record_sha256   BLOB NOT NULL
) STRICT;

-- Perfect subtrees of the log: (level, idx) covers leaves idx·2^level .. (idx+1)·2^level.
CREATE TABLE log_nodes (
    level INTEGER NOT NULL,
    idx   INTEGER NOT NULL,
    hash  BLOB NOT NULL,
    PRIMARY KEY (level, idx)
) STRICT, WITHOUT ROWID;

-- The instance's own secrets, created on first start (the log's Ed25519 signing key).
CREATE TABLE instance_secrets (
    name  TEXT PRIMARY KEY,
    value BLOB NOT NULL
) STRICT;

CREATE TABLE idempotency_keys (
    key             TEXT PRIMARY KEY,
    request_sha256  BLOB NOT NULL,
    contribution_id INTEGER NOT NULL REFERENCES contributions (id)
) STRICT;
