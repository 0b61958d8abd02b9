-- Rate limits every server of an instance shares: failed sign-ins and password reset requests,
-- by scope (what is limited) and subject (an account, a network address, or both). Not part of
-- the record: neither copied by migrate nor backed up, and pruned as they age out.
CREATE TABLE rate_events (
    scope   TEXT NOT NULL,
    subject TEXT NOT NULL,
    at      INTEGER NOT NULL
);
CREATE INDEX rate_events_by_subject ON rate_events (scope, subject, at);
