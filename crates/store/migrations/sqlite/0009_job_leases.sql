-- Background jobs (text extraction, email) run on one server at a time: the server that holds a
-- job's lease runs it and renews the lease as it goes; a server that dies stops renewing, and the
-- lease passes to another once it expires.
CREATE TABLE job_leases (
    job        TEXT PRIMARY KEY,
    holder     TEXT NOT NULL,
    expires_at INTEGER NOT NULL
) WITHOUT ROWID;
