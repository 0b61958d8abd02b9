-- Bodies (issue 20): working groups and advisory groups whose membership must be balanced. A
-- body serves a consultation; its composition rules are kept as the secretariat wrote them
-- (the composition crate reads them), with the objective its solver is asked to meet.
CREATE TABLE bodies (
    id              INTEGER PRIMARY KEY,
    consultation_id INTEGER NOT NULL REFERENCES consultations (id),
    slug            TEXT NOT NULL UNIQUE,
    name            TEXT NOT NULL,
    mandate         TEXT NOT NULL,
    term_years      INTEGER NOT NULL CHECK (term_years BETWEEN 1 AND 10),
    rules           TEXT NOT NULL DEFAULT '',
    objective       TEXT NOT NULL DEFAULT 'priority'
        CHECK (objective IN ('priority', 'spread_countries', 'keep_seated')),
    -- The nominators the chair rotates between, in order, one a line (seeds/004 §17: ITU,
    -- UNESCO, UNDP); empty when the chair does not rotate.
    chair_rotation  TEXT NOT NULL DEFAULT '',
    created_at      INTEGER NOT NULL,
    -- Counts every change to the body, its nominations and members: what its open data follows.
    changes         INTEGER NOT NULL DEFAULT 0
) STRICT;
-- A person nominated to a body: by a recorded entity (its focal point, or the secretariat
-- for it), or by a stakeholder group's own selection process (named); with what the rules
-- count (group, country, gender, expertise tags separated by commas), a statement, the
-- nominator's order of preference (1 first; 0 none) and the secretariat's pin for the solver.
CREATE TABLE nominations (
    id                 INTEGER PRIMARY KEY,
    body_id            INTEGER NOT NULL REFERENCES bodies (id),
    person             TEXT NOT NULL,
    nominator_entity   INTEGER REFERENCES entities (id),
    nominator_process  TEXT,
    stakeholder_group  TEXT NOT NULL,
    country            TEXT,
    gender             TEXT NOT NULL,
    expertise          TEXT NOT NULL,
    statement          TEXT NOT NULL,
    priority           INTEGER NOT NULL CHECK (priority >= 0),
    pin                TEXT NOT NULL DEFAULT 'free' CHECK (pin IN ('free', 'in', 'out')),
    nominated_at       INTEGER NOT NULL,
    CHECK (nominator_entity IS NOT NULL OR nominator_process IS NOT NULL)
) STRICT;
CREATE INDEX nominations_by_body ON nominations (body_id, id);
-- A nominee seated on the body for a term (dates, YYYY-MM-DD, the end excluded), as a member,
-- the chair or a co-chair; a renewal is a new term.
CREATE TABLE memberships (
    body_id       INTEGER NOT NULL REFERENCES bodies (id),
    nomination_id INTEGER NOT NULL REFERENCES nominations (id),
    term_start    TEXT NOT NULL,
    term_end      TEXT NOT NULL,
    role          TEXT NOT NULL DEFAULT 'member' CHECK (role IN ('member', 'chair', 'co_chair')),
    seated_at     INTEGER NOT NULL,
    PRIMARY KEY (body_id, nomination_id, term_start)
) STRICT;
