-- API keys for the bulk channel (issue 22): issued by the secretariat to an organisation for one
-- consultation, kept only as the SHA-256 of the key, revocable; each key sends at most
-- `lines_per_hour` contributions an hour (counted from the contributions it sent, whose sender
-- is `api-key:<id>`).
CREATE TABLE api_keys (
    id              INTEGER PRIMARY KEY,
    key_sha256      BLOB NOT NULL UNIQUE,
    consultation_id INTEGER NOT NULL REFERENCES consultations (id),
    entity_id       INTEGER NOT NULL REFERENCES entities (id),
    label           TEXT NOT NULL,
    lines_per_hour  INTEGER NOT NULL CHECK (lines_per_hour > 0),
    created_at      INTEGER NOT NULL,
    revoked_at      INTEGER
) STRICT;
