-- Accreditation lists, focal points' addresses, invitations, password resets, and the outbox of
-- email that a background job sends (its status survives restarts).

CREATE TABLE accreditation_lists (
    id   INTEGER PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE,   -- ecosoc, itu, wsis, cstd, or one the secretariat names
    name TEXT NOT NULL
) STRICT;

CREATE TABLE list_members (
    list_id   INTEGER NOT NULL REFERENCES accreditation_lists (id),
    entity_id INTEGER NOT NULL REFERENCES entities (id),
    PRIMARY KEY (list_id, entity_id)
) STRICT, WITHOUT ROWID;

-- Whom to invite for an entity: its focal points' addresses, with the language to write in.
CREATE TABLE focal_point_contacts (
    entity_id INTEGER NOT NULL REFERENCES entities (id),
    email     TEXT NOT NULL,   -- lower case
    name      TEXT NOT NULL,
    language  TEXT NOT NULL,
    PRIMARY KEY (entity_id, email)
) STRICT, WITHOUT ROWID;

-- A personal, single-use link: known by the SHA-256 of its token.
CREATE TABLE invitations (
    token_sha256    BLOB PRIMARY KEY,
    consultation_id INTEGER NOT NULL REFERENCES consultations (id),
    entity_id       INTEGER NOT NULL REFERENCES entities (id),
    email           TEXT NOT NULL,
    language        TEXT NOT NULL,
    created_at      INTEGER NOT NULL,
    expires_at      INTEGER NOT NULL,
    used_at         INTEGER,
    account_id      INTEGER REFERENCES accounts (id)
) STRICT, WITHOUT ROWID;

CREATE TABLE password_resets (
    token_sha256 BLOB PRIMARY KEY,
    account_id   INTEGER NOT NULL REFERENCES accounts (id),
    created_at   INTEGER NOT NULL,
    expires_at   INTEGER NOT NULL,
    used_at      INTEGER
) STRICT, WITHOUT ROWID;

CREATE TABLE mail_outbox (
    id              INTEGER PRIMARY KEY,
    to_address      TEXT NOT NULL,
    subject         TEXT NOT NULL,
    body            TEXT NOT NULL,
    status          TEXT NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sent', 'failed')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,
    last_error      TEXT,
    created_at      INTEGER NOT NULL,
    sent_at         INTEGER
) STRICT;

CREATE INDEX mail_outbox_due ON mail_outbox (next_attempt_at) WHERE status = 'queued';
