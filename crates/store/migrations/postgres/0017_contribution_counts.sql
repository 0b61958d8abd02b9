-- The distribution table at ten million contributions (issue 22). A trigger keeps the number of
-- a consultation's contributions by their own stakeholder group and channel as each is recorded
-- (contributions are never deleted, nor their group or channel changed), so the table reads a
-- few rows, not the contributions. Every writer holds the record's write lock, so the counts'
-- rows are never a point of contention between servers. Those withheld or sent without a
-- verified identity (the ones the secretariat attributed among them) are read from a partial
-- index that holds only them, and moved to where they count.
CREATE TABLE contribution_counts (
    consultation_id   BIGINT NOT NULL REFERENCES consultations (id),
    stakeholder_group TEXT NOT NULL REFERENCES stakeholder_groups (id),
    channel           TEXT NOT NULL,
    contributions     BIGINT NOT NULL,
    PRIMARY KEY (consultation_id, stakeholder_group, channel)
);

INSERT INTO contribution_counts (consultation_id, stakeholder_group, channel, contributions)
SELECT consultation_id, stakeholder_group, channel, COUNT(*) FROM contributions GROUP BY 1, 2, 3;

CREATE FUNCTION contribution_counts_on_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO contribution_counts (consultation_id, stakeholder_group, channel, contributions)
    VALUES (NEW.consultation_id, NEW.stakeholder_group, NEW.channel, 1)
    ON CONFLICT (consultation_id, stakeholder_group, channel)
    DO UPDATE SET contributions = contribution_counts.contributions + 1;
    RETURN NULL;
END $$;

CREATE TRIGGER contribution_counts_on_insert AFTER INSERT ON contributions
    FOR EACH ROW EXECUTE FUNCTION contribution_counts_on_insert();

CREATE INDEX contributions_not_plainly_counted ON contributions (consultation_id, stakeholder_group, channel)
    WHERE withheld_reason IS NOT NULL OR identity = 'unverified';

-- The newest contributions (the Atom feed) read from the end of an index, not found by skipping
-- all the others.
CREATE INDEX contributions_by_time ON contributions (consultation_id, submitted_at, id);
