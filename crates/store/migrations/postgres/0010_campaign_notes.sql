-- Campaigns (issue 17), continued: the name and note the secretariat attaches to a campaign (the
-- campaign named by its first member; the words are the secretariat's, audited, not part of the
-- canonical record), and how far the server that follows the change feed has assigned new
-- contributions to campaigns (a server's own progress: not copied with the record).
CREATE TABLE campaign_notes (
    campaign_id BIGINT PRIMARY KEY REFERENCES contributions (id),
    name        TEXT NOT NULL,
    note        TEXT NOT NULL,
    updated_at  BIGINT NOT NULL
);
CREATE TABLE campaigns_followed (
    only_row SMALLINT PRIMARY KEY CHECK (only_row = 1),
    seq      BIGINT NOT NULL
);
