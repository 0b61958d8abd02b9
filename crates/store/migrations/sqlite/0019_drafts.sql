-- Drafting (issue 19): the texts a consultation leads to (draft opinions, resolutions), each
-- known by its document symbol, and every revision of each kept whole as the structure the
-- drafting crate parses (JSON: sections, items, quoted paragraphs); item numbers are derived from
-- it, never stored. Revision 0 is the text as imported.
CREATE TABLE drafts (
    id              INTEGER PRIMARY KEY,
    consultation_id INTEGER NOT NULL REFERENCES consultations (id),
    symbol          TEXT NOT NULL UNIQUE,
    language        TEXT NOT NULL,
    status          TEXT NOT NULL CHECK (status IN ('proposal', 'negotiation', 'agreed', 'adopted')),
    created_at      INTEGER NOT NULL,
    -- Counts every change to the draft, its amendments and stances: what the open data files of
    -- drafts follow (drafts are not in the change feed).
    changes         INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE TABLE draft_revisions (
    draft_id   INTEGER NOT NULL REFERENCES drafts (id),
    revision   INTEGER NOT NULL,
    structure  TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (draft_id, revision)
) STRICT;
-- Amendments to a draft, numbered from 1 in each draft as delegations cite them: proposed to
-- one revision at a place ("2/b/ii"), the change as JSON (words replaced, the item deleted, an
-- item inserted after it), by an entity (a focal point acting for it; its name as recorded then)
-- or the secretariat (no entity); accepted into a later revision, rejected, or merged into the
-- secretariat's amendment `merged_into` (a number of the same draft). Each is a leaf of the
-- public log (amendment_leaves). Entities support or oppose them, one stance each.
CREATE TABLE draft_amendments (
    id               INTEGER PRIMARY KEY,
    draft_id         INTEGER NOT NULL REFERENCES drafts (id),
    number           INTEGER NOT NULL,
    revision         INTEGER NOT NULL,
    place            TEXT NOT NULL,
    change           TEXT NOT NULL,
    justification    TEXT NOT NULL,
    proposer_entity  INTEGER REFERENCES entities (id),
    proposer_name    TEXT,
    status           TEXT NOT NULL CHECK (status IN ('pending', 'accepted', 'rejected', 'merged')),
    decided_revision INTEGER,
    merged_into      INTEGER,
    proposed_at      INTEGER NOT NULL,
    decided_at       INTEGER,
    UNIQUE (draft_id, number)
) STRICT;
CREATE TABLE draft_amendment_stances (
    amendment_id INTEGER NOT NULL REFERENCES draft_amendments (id),
    entity_id    INTEGER NOT NULL REFERENCES entities (id),
    stance       TEXT NOT NULL CHECK (stance IN ('support', 'oppose')),
    taken_at     INTEGER NOT NULL,
    PRIMARY KEY (amendment_id, entity_id)
) STRICT;
-- Leaf leaf_index of the log is this amendment; record_sha256 the SHA-256 of its canonical
-- record (`AmendmentRecord`). A leaf index is in one of log_leaves, statement_leaves or here.
CREATE TABLE amendment_leaves (
    leaf_index    INTEGER PRIMARY KEY,
    amendment_id  INTEGER NOT NULL UNIQUE REFERENCES draft_amendments (id),
    record_sha256 BLOB NOT NULL
) STRICT;
-- Paragraphs the secretariat marks agreed ad referendum, by their place in one revision; a new
-- revision carries a mark over where the paragraph's place and words are unchanged.
CREATE TABLE draft_agreed_places (
    draft_id  INTEGER NOT NULL REFERENCES drafts (id),
    revision  INTEGER NOT NULL,
    place     TEXT NOT NULL,
    marked_at INTEGER NOT NULL,
    PRIMARY KEY (draft_id, revision, place)
) STRICT;
