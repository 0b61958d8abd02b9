-- Accounts and who may act: the secretariat and entities' focal points, their sign-in sessions,
-- and the audit log of every secretariat action.

CREATE TABLE accounts (
    id            INTEGER PRIMARY KEY,
    email         TEXT NOT NULL UNIQUE,  -- lower case
    name          TEXT NOT NULL,
    role          TEXT NOT NULL CHECK (role IN ('secretariat', 'focal_point')),
    entity_id     INTEGER REFERENCES entities (id),
    language      TEXT NOT NULL,
    password_hash TEXT NOT NULL,         -- argon2id, PHC string
    created_at    INTEGER NOT NULL,
    -- A focal point acts for exactly one entity; the secretariat for none.
    CHECK ((role = 'focal_point') = (entity_id IS NOT NULL))
) STRICT;

CREATE INDEX accounts_by_entity ON accounts (entity_id) WHERE entity_id IS NOT NULL;

-- A session is known by the SHA-256 of its cookie's token: a copy of the database does not
-- give anyone a way in.
CREATE TABLE sessions (
    token_sha256 BLOB PRIMARY KEY,
    account_id   INTEGER NOT NULL REFERENCES accounts (id),
    csrf_token   TEXT NOT NULL,
    created_at   INTEGER NOT NULL,
    expires_at   INTEGER NOT NULL
) STRICT, WITHOUT ROWID;

CREATE TABLE audit_log (
    id         INTEGER PRIMARY KEY,
    at         INTEGER NOT NULL,
    account_id INTEGER REFERENCES accounts (id),  -- none for the command line
    actor      TEXT NOT NULL,                     -- the account's address, or who ran the command
    action     TEXT NOT NULL,                     -- a stable code: contribution.withhold, …
    subject    TEXT NOT NULL,                     -- what it acted on: contribution 12, …
    before     TEXT,                              -- JSON
    after      TEXT                               -- JSON
) STRICT;
