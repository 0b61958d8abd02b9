-- Points of agreement (issue 16): the statements a consultation puts to the vote, the
-- participants who vote (an entity's focal points, members of the public known by a cookie,
-- or the participants of an imported conversation), every vote cast (the latest of a
-- participant on a statement counts; earlier ones are its history), and the log leaves of
-- accepted statements, which share the one public log with the contributions.
CREATE TABLE agreement_participants (
    id                INTEGER PRIMARY KEY,
    consultation_id   INTEGER NOT NULL REFERENCES consultations (id),
    kind              TEXT NOT NULL CHECK (kind IN ('verified', 'anonymous', 'imported')),
    -- The entity's id, the SHA-256 of the cookie's identifier, or the imported system's id.
    voter_key         TEXT NOT NULL,
    entity_id         INTEGER REFERENCES entities (id),
    -- A verified participant's stakeholder group and country when it first voted.
    stakeholder_group TEXT,
    country           TEXT,
    joined_at         INTEGER NOT NULL,
    UNIQUE (consultation_id, kind, voter_key)
) STRICT;

CREATE TABLE statements (
    id                     INTEGER PRIMARY KEY,
    consultation_id        INTEGER NOT NULL REFERENCES consultations (id),
    text                   TEXT NOT NULL,
    language               TEXT NOT NULL,
    origin                 TEXT NOT NULL CHECK (origin IN ('participant', 'secretariat', 'imported')),
    source_contribution_id INTEGER REFERENCES contributions (id),
    external_id            TEXT,
    proposed_by            INTEGER REFERENCES agreement_participants (id),
    proposed_at            INTEGER NOT NULL,
    moderation             TEXT NOT NULL CHECK (moderation IN ('pending', 'accepted', 'rejected')),
    rejection_reason       TEXT,
    moderated_at           INTEGER,
    UNIQUE (consultation_id, external_id)
) STRICT;
CREATE INDEX statements_by_consultation ON statements (consultation_id, moderation);

CREATE TABLE votes (
    id             INTEGER PRIMARY KEY,
    participant_id INTEGER NOT NULL REFERENCES agreement_participants (id),
    statement_id   INTEGER NOT NULL REFERENCES statements (id),
    choice         INTEGER NOT NULL CHECK (choice IN (-1, 0, 1)),
    cast_at        INTEGER NOT NULL
) STRICT;
CREATE INDEX votes_by_statement ON votes (statement_id);
CREATE INDEX votes_by_participant ON votes (participant_id, statement_id);

-- Leaf leaf_index of the log is this statement; record_sha256 the SHA-256 of its canonical
-- record (`StatementRecord`). A leaf index is in log_leaves or here, never both.
CREATE TABLE statement_leaves (
    leaf_index    INTEGER PRIMARY KEY,
    statement_id  INTEGER NOT NULL UNIQUE REFERENCES statements (id),
    record_sha256 BLOB NOT NULL
) STRICT;
