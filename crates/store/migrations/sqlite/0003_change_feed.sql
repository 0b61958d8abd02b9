-- The change feed: every change to what the public may read of a contribution (recorded,
-- withheld or published again, an attachment's text extracted) appends a row. Derived stores
-- (each server's search index) follow it by sequence number and can always catch up.
-- Triggers write it, so no code path that changes a contribution can forget to.

CREATE TABLE change_feed (
    seq             INTEGER PRIMARY KEY AUTOINCREMENT,
    contribution_id INTEGER NOT NULL REFERENCES contributions (id)
) STRICT;

INSERT INTO change_feed (contribution_id) SELECT id FROM contributions ORDER BY id;

CREATE TRIGGER change_feed_on_insert AFTER INSERT ON contributions
BEGIN
    INSERT INTO change_feed (contribution_id) VALUES (NEW.id);
END;

CREATE TRIGGER change_feed_on_withholding AFTER UPDATE OF withheld_reason ON contributions
WHEN NEW.withheld_reason IS NOT OLD.withheld_reason
BEGIN
    INSERT INTO change_feed (contribution_id) VALUES (NEW.id);
END;

CREATE TRIGGER change_feed_on_extraction AFTER UPDATE OF extraction ON attachments
WHEN NEW.extraction = 'done' AND OLD.extraction IS NOT 'done'
BEGIN
    INSERT INTO change_feed (contribution_id) VALUES (NEW.contribution_id);
END;
