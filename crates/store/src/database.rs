//! Where the record lives, chosen once from a location, and a small pool of open stores so that
//! a server does not reopen the database for every request: bounded (`IDLE_CONNECTIONS` kept),
//! and checked, so that a connection a restarted PostgreSQL closed is never handed out again.

use std::ops::{Deref, DerefMut};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::{PostgresStore, Result, SqliteStore, Store};

/// How many idle connections are kept; more may be open at once under load, and are closed when
/// returned. Opening one costs a PostgreSQL server a new process: under 64 clients at once, a
/// pool of 8 spent more time opening connections than recording (intake benchmark).
const IDLE_CONNECTIONS: usize = 32;

/// A connection idle for longer is checked (a round trip) before it is handed out again: a
/// database restarted meanwhile has closed it. One in steady use is not checked.
const CHECK_AFTER_IDLE: Duration = Duration::from_secs(5);

/// The pool's idle stores, each with when it was returned.
type Idle = Arc<Mutex<Vec<(Instant, Box<dyn Store>)>>>;

/// A database location: an SQLite file (`./consulta.db` or `sqlite:///path/to/file.db`), the
/// embedded default, or a PostgreSQL database (`postgres://user:password@host:port/name`), which
/// several servers can share.
#[derive(Debug, Clone)]
pub struct Database {
    location: Location,
    idle: Idle,
    /// `CHECK_AFTER_IDLE`, but for tests.
    check_after_idle: Duration,
}

#[derive(Debug, Clone)]
enum Location {
    Sqlite(PathBuf),
    Postgres(String),
}

impl Database {
    /// Checks every idle connection before handing it out again (tests of a restart).
    #[cfg(test)]
    pub(crate) fn checking_every_connection(mut self) -> Database {
        self.check_after_idle = Duration::ZERO;
        self
    }

    /// Reads a location: a path, an `sqlite://` URL, or a `postgres://` (`postgresql://`) URL.
    pub fn from_location(location: &str) -> Database {
        if location.starts_with("postgres://") || location.starts_with("postgresql://") {
            return Database::at(Location::Postgres(location.to_owned()));
        }
        let path = location.strip_prefix("sqlite://").unwrap_or(location);
        Database::sqlite(Path::new(path))
    }

    pub fn sqlite(path: &Path) -> Database {
        Database::at(Location::Sqlite(path.to_owned()))
    }

    fn at(location: Location) -> Database {
        Database { location, idle: Idle::default(), check_after_idle: CHECK_AFTER_IDLE }
    }

    /// Opens the database (creating and migrating it if needed) and checks it can be read.
    pub fn connect(&self) -> Result<PooledStore> {
        let idle = loop {
            let Some((returned, store)) = self.idle.lock().ok().and_then(|mut idle| idle.pop()) else { break None };
            // One that broke while idle (a restarted PostgreSQL) is dropped, not handed out.
            if returned.elapsed() < self.check_after_idle || store.is_usable() {
                break Some(store);
            }
        };
        let store = match idle {
            Some(store) => store,
            None => match &self.location {
                Location::Sqlite(path) => Box::new(SqliteStore::open(path)?) as Box<dyn Store>,
                Location::Postgres(url) => Box::new(PostgresStore::open(url)?) as Box<dyn Store>,
            },
        };
        Ok(PooledStore { store: Some(store), idle: Arc::clone(&self.idle) })
    }

    /// Whether the database has been created. A PostgreSQL database is created by its
    /// administrator, so it is taken to exist (connecting says if it does not).
    pub fn exists(&self) -> bool {
        match &self.location {
            Location::Sqlite(path) => path.exists(),
            Location::Postgres(_) => true,
        }
    }

    /// The SQLite file, when the database is one.
    pub fn sqlite_file(&self) -> Option<&Path> {
        match &self.location {
            Location::Sqlite(path) => Some(path),
            Location::Postgres(_) => None,
        }
    }

    /// Where the database is, to show (a PostgreSQL URL without its password).
    pub fn describe(&self) -> String {
        match &self.location {
            Location::Sqlite(path) => path.display().to_string(),
            Location::Postgres(url) => consulta_core::markup::redact_url(url),
        }
    }
}

/// A store taken from the pool; it goes back when dropped.
pub struct PooledStore {
    store: Option<Box<dyn Store>>,
    idle: Idle,
}

impl Deref for PooledStore {
    type Target = dyn Store;

    fn deref(&self) -> &Self::Target {
        // Present from creation until drop.
        self.store.as_deref().expect("a pooled store is present until dropped")
    }
}

impl DerefMut for PooledStore {
    fn deref_mut(&mut self) -> &mut Self::Target {
        self.store.as_deref_mut().expect("a pooled store is present until dropped")
    }
}

impl Drop for PooledStore {
    fn drop(&mut self) {
        if let (Some(store), Ok(mut idle)) = (self.store.take(), self.idle.lock()) {
            if idle.len() < IDLE_CONNECTIONS {
                idle.push((Instant::now(), store));
            }
        }
    }
}
