-- Follow-up (issue 21): who facilitates each action line of the Geneva Plan of Action in a
-- year, and the commitments entities take, with every update of their status and progress.
CREATE TABLE facilitators (
    year         INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2200),
    action_line  TEXT NOT NULL,
    organisation TEXT NOT NULL,
    role         TEXT NOT NULL CHECK (role IN ('lead', 'co_facilitator', 'moderator')),
    PRIMARY KEY (year, action_line, organisation)
) STRICT;
-- What an entity undertook (named as it names itself, and linked to the recorded entity), the action lines it serves (codes
-- separated by commas), its dates (YYYY-MM-DD), indicator and target, the consultation it came
-- from, and, when imported, its id in the file (Decidim's result id) and its parent's.
CREATE TABLE commitments (
    id              INTEGER PRIMARY KEY,
    external_id     TEXT UNIQUE,
    parent_id       INTEGER REFERENCES commitments (id),
    consultation_id INTEGER REFERENCES consultations (id),
    entity          TEXT NOT NULL,
    -- The recorded entity of that name when there is one: what the filters by stakeholder
    -- group, region and development status read.
    entity_id       INTEGER REFERENCES entities (id),
    title           TEXT NOT NULL,
    description     TEXT NOT NULL,
    action_lines    TEXT NOT NULL,
    start_date      TEXT,
    end_date        TEXT,
    indicator       TEXT NOT NULL,
    target          TEXT NOT NULL,
    status          TEXT NOT NULL CHECK (status IN ('planned', 'in_progress', 'achieved', 'dropped')),
    progress        INTEGER NOT NULL CHECK (progress BETWEEN 0 AND 100),
    created_at      INTEGER NOT NULL
) STRICT;
CREATE INDEX commitments_by_entity ON commitments (entity);
-- Each status and progress a commitment has had, numbered from 1 (its first), with the day it
-- held from and why: the timeline and the chart of progress over the years.
CREATE TABLE commitment_updates (
    commitment_id INTEGER NOT NULL REFERENCES commitments (id),
    number        INTEGER NOT NULL,
    on_date       TEXT NOT NULL,
    status        TEXT NOT NULL CHECK (status IN ('planned', 'in_progress', 'achieved', 'dropped')),
    progress      INTEGER NOT NULL CHECK (progress BETWEEN 0 AND 100),
    note          TEXT NOT NULL,
    recorded_at   INTEGER NOT NULL,
    PRIMARY KEY (commitment_id, number)
) STRICT;
-- Counts every change to the follow-up record: what its open data follows.
CREATE TABLE follow_up_changes (
    only_row INTEGER PRIMARY KEY CHECK (only_row = 1),
    changes  INTEGER NOT NULL
) STRICT;
INSERT INTO follow_up_changes (only_row, changes) VALUES (1, 0);
-- A reporting round: a consultation through which organisations file their progress reports on
-- some action lines for a year (its questions the template, its closing the deadline, its
-- receipts and log those of every contribution), and the entities invited to report.
CREATE TABLE reporting_rounds (
    consultation_id INTEGER PRIMARY KEY REFERENCES consultations (id),
    year            INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2200),
    action_lines    TEXT NOT NULL,
    opened_at       INTEGER NOT NULL
) STRICT;
CREATE TABLE reporting_invitees (
    consultation_id INTEGER NOT NULL REFERENCES reporting_rounds (consultation_id),
    entity_id       INTEGER NOT NULL REFERENCES entities (id),
    -- When its focal points were last reminded.
    reminded_at     INTEGER,
    PRIMARY KEY (consultation_id, entity_id)
) STRICT;
