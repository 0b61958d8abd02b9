-- The forum on projects and funding (issue 21, seeds/004 §40): projects and funding sources
-- posted by verified entities, each with its thread of questions and answers; the secretariat
-- may hide an item or an answer, with its reason, which stays in the record.
CREATE TABLE forum_items (
    id            INTEGER PRIMARY KEY,
    kind          TEXT NOT NULL CHECK (kind IN ('project', 'funding')),
    entity_id     INTEGER NOT NULL REFERENCES entities (id),
    account_id    INTEGER REFERENCES accounts (id),
    title         TEXT NOT NULL,
    description   TEXT NOT NULL,
    -- Codes separated by commas: action lines (C1…C11), ISO 3166-1 alpha-2 countries, UN
    -- regional groups, development statuses and stakeholder groups.
    action_lines  TEXT NOT NULL,
    countries     TEXT NOT NULL,
    regions       TEXT NOT NULL,
    development   TEXT NOT NULL,
    groups        TEXT NOT NULL,
    -- US dollars: a project's budget is amount_max; a funding source's grants run from
    -- amount_min to amount_max.
    amount_min    INTEGER,
    amount_max    INTEGER,
    deadline      TEXT,
    funder        TEXT NOT NULL,
    contact       TEXT NOT NULL,
    posted_at     INTEGER NOT NULL,
    hidden_reason TEXT,
    hidden_at     INTEGER
) STRICT;
CREATE TABLE forum_replies (
    item_id       INTEGER NOT NULL REFERENCES forum_items (id),
    number        INTEGER NOT NULL,
    entity_id     INTEGER NOT NULL REFERENCES entities (id),
    account_id    INTEGER REFERENCES accounts (id),
    body          TEXT NOT NULL,
    posted_at     INTEGER NOT NULL,
    hidden_reason TEXT,
    hidden_at     INTEGER,
    PRIMARY KEY (item_id, number)
) STRICT;
