-- An unverified submission names its sender as the sender wishes: that claim must never attach
-- to, define or change an entity of the registry. Each unverified contribution gets an entity of
-- its own, marked claimed, whose name key no real name has (so no name ever matches it). The
-- secretariat may attribute such a contribution to a recorded entity after checking (audited);
-- the contribution's record keeps what was claimed.
ALTER TABLE entities ADD COLUMN claimed INTEGER NOT NULL DEFAULT 0 CHECK (claimed IN (0, 1));
ALTER TABLE contributions ADD COLUMN attributed_entity_id INTEGER REFERENCES entities (id);

-- An attribution changes how the public sees a contribution.
CREATE TRIGGER change_feed_on_attribution AFTER UPDATE OF attributed_entity_id ON contributions
WHEN NEW.attributed_entity_id IS NOT OLD.attributed_entity_id
BEGIN
    INSERT INTO change_feed (contribution_id) VALUES (NEW.id);
END;
