-- The record: consultations, their meetings, the entities that take part and their contributions.
-- Instants are INTEGER milliseconds since the Unix epoch, UTC; civil dates are TEXT (YYYY-MM-DD).

CREATE TABLE stakeholder_groups (
    id       TEXT PRIMARY KEY,
    position INTEGER NOT NULL UNIQUE
) STRICT;

INSERT INTO stakeholder_groups (id, position) VALUES
    ('government', 1),
    ('international_organization', 2),
    ('civil_society', 3),
    ('private_sector', 4),
    ('academic', 5),
    ('technical', 6);

CREATE TABLE consultations (
    id                INTEGER PRIMARY KEY,
    slug              TEXT NOT NULL UNIQUE,
    original_language TEXT NOT NULL,
    title             TEXT NOT NULL,  -- JSON object: language -> text
    description       TEXT NOT NULL,  -- JSON object: language -> text
    mandate           TEXT NOT NULL,  -- JSON object: language -> text (empty when none)
    opens_at          INTEGER NOT NULL,
    closes_at         INTEGER NOT NULL CHECK (closes_at > opens_at),
    time_zone         TEXT NOT NULL,
    questions         TEXT NOT NULL,  -- JSON array of objects: language -> text
    is_example        INTEGER NOT NULL DEFAULT 0 CHECK (is_example IN (0, 1))
) STRICT;

CREATE TABLE meetings (
    id              INTEGER PRIMARY KEY,
    consultation_id INTEGER NOT NULL REFERENCES consultations (id),
    date            TEXT NOT NULL,
    place           TEXT NOT NULL,
    UNIQUE (consultation_id, date)
) STRICT;

CREATE TABLE entities (
    id                INTEGER PRIMARY KEY,
    name              TEXT NOT NULL,
    name_key          TEXT NOT NULL UNIQUE,
    stakeholder_group TEXT NOT NULL REFERENCES stakeholder_groups (id),
    country           TEXT,  -- ISO 3166-1 alpha-2
    is_example        INTEGER NOT NULL DEFAULT 0 CHECK (is_example IN (0, 1))
) STRICT;

CREATE TABLE contributions (
    id                INTEGER PRIMARY KEY,
    consultation_id   INTEGER NOT NULL REFERENCES consultations (id),
    entity_id         INTEGER NOT NULL REFERENCES entities (id),
    stakeholder_group TEXT NOT NULL REFERENCES stakeholder_groups (id),
    channel           TEXT NOT NULL CHECK (channel IN ('written', 'presentation', 'intervention')),
    on_behalf_of      TEXT REFERENCES stakeholder_groups (id),
    meeting_id        INTEGER REFERENCES meetings (id),
    submitted_at      INTEGER NOT NULL,
    language          TEXT NOT NULL,
    title             TEXT NOT NULL,
    body              TEXT NOT NULL,
    late              INTEGER NOT NULL DEFAULT 0 CHECK (late IN (0, 1)),
    CHECK (channel = 'written' OR meeting_id IS NOT NULL)
) STRICT;

-- The distribution table is a scan of this index alone.
CREATE INDEX contributions_by_group_channel ON contributions (consultation_id, stakeholder_group, channel);
CREATE INDEX contributions_by_entity ON contributions (entity_id);
