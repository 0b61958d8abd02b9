//! Where the record lives, chosen once from a location, and a pool of open stores so that a
//! server does not reopen the database for every request: bounded (at most `MAX_OPEN` open at
//! once, a caller waiting for one to come back; `IDLE_CONNECTIONS` kept), and checked, so that a
//! connection a restarted PostgreSQL closed is never handed out again.

use std::ops::{Deref, DerefMut};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

use crate::sql::{DatabaseError, Failure};
use crate::{PostgresStore, Result, SqliteStore, Store, StoreError};

/// How many idle connections are kept. Opening one costs a PostgreSQL server a new process:
/// under 64 clients at once, a pool of 8 spent more time opening connections than recording
/// (intake benchmark).
const IDLE_CONNECTIONS: usize = 32;

/// How many connections one server opens at most: PostgreSQL's default allows 100 in all, so two
/// servers stay within it with room for the tools.
const MAX_OPEN: usize = 40;

/// How long a caller waits for a connection when all are in use before it is told the database
/// is busy.
const WAIT_FOR_CONNECTION: Duration = Duration::from_secs(30);

/// A connection idle for longer is checked (a round trip) before it is handed out again: a
/// database restarted meanwhile has closed it. One in steady use is not checked.
const CHECK_AFTER_IDLE: Duration = Duration::from_secs(5);

/// The pool: its idle stores, each with when it was returned, and how many are open in all.
#[derive(Default)]
struct PoolState {
    idle: Vec<(Instant, Box<dyn Store>)>,
    open: usize,
}

/// The pool's state and the signal that a connection came back.
#[derive(Default)]
struct Pool {
    state: Mutex<PoolState>,
    returned: Condvar,
}

impl std::fmt::Debug for Pool {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Pool").finish_non_exhaustive()
    }
}

/// A database location: an SQLite file (`./consulta.db` or `sqlite:///path/to/file.db`), the
/// embedded default, or a PostgreSQL database (`postgres://user:password@host:port/name`), which
/// several servers can share.
#[derive(Debug, Clone)]
pub struct Database {
    location: Location,
    pool: Arc<Pool>,
    /// `CHECK_AFTER_IDLE`, `MAX_OPEN` and `WAIT_FOR_CONNECTION`, but for tests.
    check_after_idle: Duration,
    max_open: usize,
    wait: Duration,
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

    /// At most `max_open` connections, waiting `wait` for one (tests of a full pool).
    #[cfg(test)]
    pub(crate) fn bounded(mut self, max_open: usize, wait: Duration) -> Database {
        (self.max_open, self.wait) = (max_open, wait);
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
        Database {
            location,
            pool: Arc::default(),
            check_after_idle: CHECK_AFTER_IDLE,
            max_open: MAX_OPEN,
            wait: WAIT_FOR_CONNECTION,
        }
    }

    /// A connection: an idle one (checked if it idled long), or a new one (opening the database,
    /// creating and migrating it if needed). When `MAX_OPEN` are in use, waits for one to come
    /// back; `Failure::Busy` if none does in time.
    pub fn connect(&self) -> Result<PooledStore> {
        let deadline = Instant::now() + self.wait;
        let mut state = self.pool.state.lock().map_err(|_| pool_error("the pool's lock is poisoned"))?;
        loop {
            if let Some((returned, store)) = state.idle.pop() {
                // One that broke while idle (a restarted PostgreSQL) is dropped, not handed out.
                if returned.elapsed() < self.check_after_idle || store.is_usable() {
                    return Ok(self.pooled(store));
                }
                state.open -= 1;
                continue;
            }
            if state.open < self.max_open {
                state.open += 1;
                break;
            }
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return Err(pool_error(&format!("all {} connections to the database are in use", self.max_open)));
            }
            state = self.pool.returned.wait_timeout(state, left).map_err(|_| pool_error("poisoned"))?.0;
        }
        drop(state);
        let opened = match &self.location {
            Location::Sqlite(path) => SqliteStore::open(path).map(|s| Box::new(s) as Box<dyn Store>),
            Location::Postgres(url) => PostgresStore::open(url).map(|s| Box::new(s) as Box<dyn Store>),
        };
        match opened {
            Ok(store) => Ok(self.pooled(store)),
            Err(error) => {
                self.pool.forget_one();
                Err(error)
            }
        }
    }

    fn pooled(&self, store: Box<dyn Store>) -> PooledStore {
        PooledStore { store: Some(store), pool: Arc::clone(&self.pool) }
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

/// The error of a pool that cannot hand out a connection now.
fn pool_error(message: &str) -> StoreError {
    StoreError::Database(DatabaseError { failure: Failure::Busy, message: message.to_owned() })
}

impl Pool {
    /// A connection was closed rather than kept: another may be opened.
    fn forget_one(&self) {
        if let Ok(mut state) = self.state.lock() {
            state.open = state.open.saturating_sub(1);
        }
        self.returned.notify_one();
    }
}

/// A store taken from the pool; it goes back when dropped.
pub struct PooledStore {
    store: Option<Box<dyn Store>>,
    pool: Arc<Pool>,
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
        let Some(store) = self.store.take() else { return };
        match self.pool.state.lock() {
            Ok(mut state) if state.idle.len() < IDLE_CONNECTIONS => {
                state.idle.push((Instant::now(), store));
                drop(state);
                self.pool.returned.notify_one();
            }
            Ok(state) => {
                drop(state);
                drop(store);
                self.pool.forget_one();
            }
            Err(_) => {}
        }
    }
}
