//! A throwaway PostgreSQL server for tests and benchmarks: Debian's `postgresql` package,
//! initialised in a temporary directory and started on a free loopback port, one per test
//! process; each test takes a database of its own. The server stops when the process that
//! started it ends (a watcher script sees it gone), so nothing outlives a test run.

use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{Duration, Instant};

/// The role every test database belongs to (trust authentication, loopback only).
const ROLE: &str = "consulta";

#[derive(Debug)]
pub struct TestPostgres {
    port: u16,
    /// Kept so that the directory outlives the server; the watcher removes it too.
    _dir: tempfile::TempDir,
    databases: AtomicU32,
}

/// The directory of PostgreSQL's server programs (initdb, postgres), newest version first.
fn server_programs() -> Option<PathBuf> {
    let mut versions: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .ok()?
        .filter_map(|e| e.ok())
        .filter_map(|e| Some((e.file_name().to_str()?.parse().ok()?, e.path().join("bin"))))
        .filter(|(_, bin)| bin.join("postgres").exists() && bin.join("initdb").exists())
        .collect();
    versions.sort();
    versions.pop().map(|(_, bin)| bin)
}

/// The server for this process's tests, started on first use. None (after a loud message) where
/// PostgreSQL is not installed, so that tests can skip; with CI=true that is a failure instead.
pub fn shared() -> Option<&'static TestPostgres> {
    static SERVER: OnceLock<Option<TestPostgres>> = OnceLock::new();
    SERVER
        .get_or_init(|| match TestPostgres::start(false) {
            Ok(server) => Some(server),
            Err(why) if std::env::var("CI").is_ok_and(|v| v == "true") => {
                panic!("CI=true and no PostgreSQL server for the tests: {why}")
            }
            Err(why) => {
                eprintln!("\n*** SKIPPING the PostgreSQL tests: {why} (apt-get install postgresql) ***\n");
                None
            }
        })
        .as_ref()
}

/// Runs a server program as the `postgres` user when this process is root (PostgreSQL refuses to
/// run as root), else as this user.
fn as_server_user(program: &Path) -> Command {
    let root = std::fs::metadata("/proc/self").map(|m| m.uid() == 0).unwrap_or(false);
    if root {
        let mut command = Command::new("runuser");
        command.args(["-u", "postgres", "--"]).arg(program);
        command
    } else {
        Command::new(program)
    }
}

impl TestPostgres {
    /// Initialises and starts a server. `durable` keeps PostgreSQL's default durability (every
    /// commit flushed), for benchmarks; tests run without it, which is faster.
    pub fn start(durable: bool) -> Result<TestPostgres, String> {
        let bin = server_programs().ok_or("no PostgreSQL server under /usr/lib/postgresql")?;
        let dir = tempfile::Builder::new().prefix("consulta-pg-").tempdir().map_err(|e| e.to_string())?;
        let data = dir.path().join("data");
        std::fs::create_dir(&data).map_err(|e| e.to_string())?;
        if std::fs::metadata("/proc/self").map(|m| m.uid() == 0).unwrap_or(false) {
            let owned = Command::new("chown").args(["-R", "postgres:"]).arg(dir.path()).status();
            if !owned.is_ok_and(|s| s.success()) {
                return Err("cannot give the data directory to the postgres user".into());
            }
        }
        let initdb = as_server_user(&bin.join("initdb"))
            .args(["--no-locale", "--encoding=UTF8", "--auth=trust", "--username", ROLE, "-D"])
            .arg(&data)
            .stdout(Stdio::null())
            .output()
            .map_err(|e| format!("initdb: {e}"))?;
        if !initdb.status.success() {
            return Err(format!("initdb failed: {}", String::from_utf8_lossy(&initdb.stderr)));
        }
        let port =
            std::net::TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).map_err(|e| e.to_string())?.port();
        let mut server = as_server_user(&bin.join("postgres"));
        server.arg("-D").arg(&data).args(["-p", &port.to_string(), "-k"]).arg(dir.path());
        server.args(["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=400", "-c", "shared_buffers=128MB"]);
        if !durable {
            server.args(["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"]);
        }
        // The watcher stops the server (fast shutdown) and removes its directory once this
        // process is gone, however it ends. The signal goes to the postmaster itself (its pid is
        // the first line of postmaster.pid): `runuser`, which started it as root, would not pass
        // it on. The postmaster's pid is read as soon as it is written, since a process that ends
        // normally removes the directory (and the pid file with it) before the watcher wakes.
        let watcher = r#"parent=$1; dir=$2; shift 2
"$@" >"$dir/server.log" 2>&1 &
server=$!
postmaster=
learn() {
  [ -n "$postmaster" ] && return
  pid=$(head -n 1 "$dir/data/postmaster.pid" 2>/dev/null)
  # Only once the line names this very server (a file half written could name another).
  case "$(tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null)" in *"-D $dir/data "*) postmaster=$pid ;; esac
}
while kill -0 "$parent" 2>/dev/null && kill -0 "$server" 2>/dev/null; do learn; sleep 1; done
learn
kill -INT "${postmaster:-$server}" 2>/dev/null; wait "$server"; rm -rf "$dir""#;
        let mut script = Command::new("sh");
        script.arg("-c").arg(watcher).arg("sh").arg(std::process::id().to_string()).arg(dir.path());
        script.arg(server.get_program()).args(server.get_args());
        script.stdin(Stdio::null()).stdout(Stdio::null()).stderr(Stdio::null());
        script.spawn().map_err(|e| format!("cannot start postgres: {e}"))?;

        let started = Instant::now();
        let url = format!("postgres://{ROLE}@127.0.0.1:{port}/postgres");
        loop {
            match off_runtime(|| postgres::Client::connect(&url, postgres::NoTls).map(drop)) {
                Ok(_) => break,
                Err(_) if started.elapsed() < Duration::from_secs(60) => std::thread::sleep(Duration::from_millis(100)),
                Err(e) => {
                    let log = std::fs::read_to_string(dir.path().join("server.log")).unwrap_or_default();
                    return Err(format!("postgres did not start: {e}\n{log}"));
                }
            }
        }
        Ok(TestPostgres { port, _dir: dir, databases: AtomicU32::new(0) })
    }

    /// Creates a new, empty database and returns its URL. Callable from async tests too: the
    /// blocking client runs on a thread of its own.
    pub fn new_database(&self) -> String {
        let n = self.databases.fetch_add(1, Ordering::SeqCst);
        let name = format!("consulta_test_{n}");
        let admin = format!("postgres://{ROLE}@127.0.0.1:{}/postgres", self.port);
        off_runtime(|| {
            let mut client = postgres::Client::connect(&admin, postgres::NoTls).expect("the test server answers");
            client.batch_execute(&format!("CREATE DATABASE {name}")).expect("a new test database");
        });
        format!("postgres://{ROLE}@127.0.0.1:{}/{name}", self.port)
    }
}

/// Runs `f` on a thread of its own: the `postgres` client blocks, which an async runtime's
/// thread must not.
fn off_runtime<T: Send>(f: impl FnOnce() -> T + Send) -> T {
    std::thread::scope(|scope| scope.spawn(f).join()).unwrap_or_else(|panic| std::panic::resume_unwind(panic))
}
