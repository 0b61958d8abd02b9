-- Items of background work (an email to send, an attachment to read) claimed by one server until
-- `until_ms` by the database's clock, so that every server works through the queues side by side
-- and none takes an item another is working on. The servers' own state, not the record's.
CREATE TABLE job_claims (
    job      TEXT NOT NULL,
    item     TEXT NOT NULL,
    holder   TEXT NOT NULL,
    until_ms INTEGER NOT NULL,
    PRIMARY KEY (job, item)
) STRICT;
CREATE INDEX job_claims_holder ON job_claims (holder);
