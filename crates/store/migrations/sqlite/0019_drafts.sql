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
    created_at      INTEGER NOT NULL
) STRICT;
CREATE TABLE draft_revisions (
    draft_id   INTEGER NOT NULL REFERENCES drafts (id),
    revision   INTEGER NOT NULL,
    structure  TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (draft_id, revision)
) STRICT;
