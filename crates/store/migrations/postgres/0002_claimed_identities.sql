-- An unverified submission names its sender as the sender wishes: that claim must never attach
-- to, define or change an entity of the registry. Each unverified contribution gets an entity of
-- its own, marked claimed, whose name key no real name has (so no name ever matches it). The
-- secretariat may attribute such a contribution to a recorded entity after checking (audited);
-- the contribution's record keeps what was claimed.
ALTER TABLE entities ADD COLUMN claimed BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE contributions ADD COLUMN attributed_entity_id BIGINT REFERENCES entities (id);

-- An attribution changes how the public sees a contribution.
CREATE FUNCTION change_feed_on_attribution() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.attributed_entity_id IS DISTINCT FROM OLD.attributed_entity_id THEN
        PERFORM consulta_feed(NEW.id);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER change_feed_on_attribution AFTER UPDATE OF attributed_entity_id ON contributions
    FOR EACH ROW EXECUTE FUNCTION change_feed_on_attribution();
