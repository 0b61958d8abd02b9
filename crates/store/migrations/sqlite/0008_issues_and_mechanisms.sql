-- The issue taxonomy, the cooperation mechanisms, the matrix issue × mechanism, and the issues
-- the secretariat tagged each contribution with. The starting taxonomy is inserted by the code
-- that applies this migration (from consulta-core's data files), once.
CREATE TABLE issues (
    id           TEXT PRIMARY KEY,
    position     INTEGER NOT NULL,
    labels       TEXT NOT NULL,      -- JSON object: language → label
    terms        TEXT NOT NULL,      -- JSON object: language → [term]
    needed_level TEXT NOT NULL CHECK (needed_level IN ('global', 'regional', 'national'))
);

CREATE TABLE mechanisms (
    id        TEXT PRIMARY KEY,
    position  INTEGER NOT NULL,
    acronyms  TEXT NOT NULL,         -- JSON object: language → acronym
    names     TEXT NOT NULL,         -- JSON object: language → name
    level     TEXT NOT NULL CHECK (level IN ('global', 'regional', 'national')),
    functions TEXT NOT NULL          -- JSON array of legal / normative / administrative
);

CREATE TABLE issue_mechanisms (
    issue_id     TEXT NOT NULL REFERENCES issues (id),
    mechanism_id TEXT NOT NULL REFERENCES mechanisms (id),
    PRIMARY KEY (issue_id, mechanism_id)
) WITHOUT ROWID;

CREATE TABLE contribution_issues (
    contribution_id INTEGER NOT NULL REFERENCES contributions (id),
    issue_id        TEXT NOT NULL REFERENCES issues (id),
    tagged_at       INTEGER NOT NULL,
    PRIMARY KEY (contribution_id, issue_id)
) WITHOUT ROWID;
CREATE INDEX contribution_issues_by_issue ON contribution_issues (issue_id);
