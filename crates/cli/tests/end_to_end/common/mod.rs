//! Helpers for the integration tests: the real `consulta` binary, started on a free port with a
//! temporary database, and stopped when the test ends.

#![allow(dead_code)]

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

pub const CONSULTA: &str = env!("CARGO_BIN_EXE_consulta");

/// A running server; killed on drop.
pub struct App {
    pub url: String,
    child: Child,
    _dir: Option<tempfile::TempDir>,
}

impl App {
    /// The server's process id.
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Asks the server to stop as an init system does (SIGTERM) and waits until it has.
    pub fn stop(&mut self) -> std::process::ExitStatus {
        self.terminate();
        self.child.wait().expect("the server stops")
    }

    /// Sends SIGTERM and returns at once: the server drains what it is serving, then stops.
    pub fn terminate(&self) {
        let sent = Command::new("kill").args(["-TERM", &self.child.id().to_string()]).status().expect("kill runs");
        assert!(sent.success(), "SIGTERM was sent");
    }

    /// Waits for the server to stop (after `terminate`).
    pub fn wait(&mut self) -> std::process::ExitStatus {
        self.child.wait().expect("the server stops")
    }

    /// The most memory the server process has held (its peak resident set), in bytes.
    pub fn peak_memory(&self) -> u64 {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id())).unwrap_or_default();
        status
            .lines()
            .find_map(|line| line.strip_prefix("VmHWM:"))
            .and_then(|kib| kib.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
            .map_or(0, |kib| kib * 1024)
    }
}

impl Drop for App {
    /// Stops the server as Ctrl-C would, so that it cleans up after itself (the demo removes its
    /// database); killed if it has not stopped within ten seconds.
    fn drop(&mut self) {
        if matches!(self.child.try_wait(), Ok(None)) {
            let _ = Command::new("kill").args(["-TERM", &self.child.id().to_string()]).status();
            let deadline = Instant::now() + Duration::from_secs(10);
            while matches!(self.child.try_wait(), Ok(None)) && Instant::now() < deadline {
                std::thread::sleep(Duration::from_millis(50));
            }
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start(mut command: Command, dir: Option<tempfile::TempDir>) -> App {
    let mut child = command
        .env("CONSULTA_LOG", "warn")
        .env_remove("LANG")
        .env_remove("LC_ALL")
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("consulta starts");
    let stdout = child.stdout.take().expect("stdout is piped");
    let mut lines = BufReader::new(stdout).lines();
    let deadline = Instant::now() + Duration::from_secs(60);
    let url = loop {
        assert!(Instant::now() < deadline, "consulta did not say where it serves");
        let line = lines.next().expect("consulta printed its address").expect("readable stdout");
        if let Some(start) = line.find("http://") {
            break line[start..].trim_end_matches('/').to_owned();
        }
    };
    // Keep draining stdout so the server never blocks on a full pipe.
    std::thread::spawn(move || for _ in lines {});
    App { url, child, _dir: dir }
}

/// `consulta demo` on a free port. Its throwaway database goes in a directory of the test's, so
/// that nothing is left behind even when the server has to be killed.
pub fn spawn_demo() -> App {
    let dir = tempfile::tempdir().expect("temporary directory");
    let mut command = Command::new(CONSULTA);
    command.args(["demo", "--addr", "127.0.0.1:0"]).env("TMPDIR", dir.path());
    start(command, Some(dir))
}

/// `consulta serve` on a free port over the database at `db`.
pub fn spawn_serve(db: &Path) -> App {
    spawn_serve_with(db, &[])
}

/// `consulta serve` with more options.
pub fn spawn_serve_with(db: &Path, options: &[&str]) -> App {
    let mut command = Command::new(CONSULTA);
    command.arg("--db").arg(db).args(["serve", "--addr", "127.0.0.1:0"]).args(options);
    start(command, None)
}

/// A temporary directory with a database path in it.
pub struct Workspace {
    pub dir: tempfile::TempDir,
    pub db: PathBuf,
}

impl Workspace {
    pub fn new() -> Workspace {
        let dir = tempfile::tempdir().expect("temporary directory");
        let db = dir.path().join("consulta.db");
        Workspace { dir, db }
    }

    /// A workspace whose database is a new PostgreSQL database (`db` holds its URL); None where
    /// PostgreSQL is not installed and CI is not set (`consulta_testpg::shared` says so).
    pub fn postgres() -> Option<Workspace> {
        let url = consulta_testpg::shared()?.new_database();
        Some(Workspace { dir: tempfile::tempdir().expect("temporary directory"), db: PathBuf::from(url) })
    }

    /// A new, empty database of the same backend as this workspace's.
    pub fn another_database(&self, name: &str) -> String {
        if self.db.to_str().is_some_and(|db| db.starts_with("postgres://")) {
            consulta_testpg::shared().expect("the PostgreSQL server").new_database()
        } else {
            self.dir.path().join(name).display().to_string()
        }
    }

    /// The options that keep the log's key file and journal in the workspace (the defaults, for
    /// a PostgreSQL database, are in the working directory).
    pub fn log_options(&self) -> Vec<String> {
        let path = |name: &str| self.dir.path().join(name).display().to_string();
        vec!["--log-key".into(), path("consulta-log.key"), "--heads".into(), path("consulta-heads.jsonl")]
    }

    /// The workspace's own attachments directory (not the default, which for a PostgreSQL
    /// database is in the working directory).
    pub fn files(&self) -> String {
        self.dir.path().join("consulta-files").display().to_string()
    }

    /// Runs `consulta --db <db> args…` in English.
    pub fn run(&self, args: &[&str]) -> Output {
        self.run_in("en", args)
    }

    /// Runs a command that must succeed (the test fails with its error otherwise), giving what
    /// it printed.
    pub fn succeed(&self, args: &[&str]) -> String {
        let output = self.run(args);
        assert!(output.status.success(), "{args:?}: {}", stderr(&output));
        stdout(&output)
    }

    pub fn run_in(&self, language: &str, args: &[&str]) -> Output {
        Command::new(CONSULTA)
            .arg("--db")
            .arg(&self.db)
            .args(args)
            .env("CONSULTA_LANG", language)
            .output()
            .expect("consulta runs")
    }

    /// Creates a consultation open from `opens` to `closes`, or fails the test.
    pub fn create_consultation(&self, slug: &str, opens: &str, closes: &str) {
        let output =
            self.run(&["consultation", "create", "--slug", slug, "--title", "T", "--opens", opens, "--closes", closes]);
        assert!(output.status.success(), "{}", stderr(&output));
    }

    /// Creates a consultation open from 2020 to 2099.
    pub fn create_open_consultation(&self, slug: &str) {
        self.create_consultation(slug, "2020-01-01", "2099-12-31");
    }

    /// Imports a contribution file into `slug`, or fails the test.
    pub fn import(&self, file: &Path, slug: &str) {
        let output =
            self.run(&["import", "contributions", file.to_str().expect("a UTF-8 path"), "--consultation", slug]);
        assert!(output.status.success(), "{}", stderr(&output));
    }

    pub fn write(&self, name: &str, content: &[u8]) -> PathBuf {
        let path = self.dir.path().join(name);
        std::fs::write(&path, content).expect("write test file");
        path
    }
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// A real SMTP server on a free loopback port that keeps every message it receives: what an
/// SMTP client sends it (EHLO, MAIL, RCPT, DATA, QUIT) is answered as a mail server would.
pub struct SmtpSink {
    pub url: String,
    messages: std::sync::Arc<std::sync::Mutex<Vec<String>>>,
}

impl SmtpSink {
    pub fn start() -> SmtpSink {
        use std::io::Write;
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("a free port");
        let url = format!("smtp://127.0.0.1:{}", listener.local_addr().expect("address").port());
        let messages = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
        let kept = messages.clone();
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let kept = kept.clone();
                std::thread::spawn(move || {
                    let mut writer = stream.try_clone().expect("stream");
                    let mut reader = BufReader::new(stream);
                    let _ = writer.write_all(b"220 sink.example ESMTP\r\n");
                    let mut line = String::new();
                    while reader.read_line(&mut line).unwrap_or(0) > 0 {
                        let command = line.trim_end().to_ascii_uppercase();
                        let reply: &[u8] = if command.starts_with("EHLO") {
                            b"250-sink.example\r\n250 8BITMIME\r\n"
                        } else if command.starts_with("DATA") {
                            let _ = writer.write_all(b"354 go on\r\n");
                            let mut message = String::new();
                            let mut data = String::new();
                            while reader.read_line(&mut data).unwrap_or(0) > 0 && data != ".\r\n" {
                                message.push_str(&data);
                                data.clear();
                            }
                            if let Ok(mut messages) = kept.lock() {
                                messages.push(message);
                            }
                            b"250 kept\r\n"
                        } else if command.starts_with("QUIT") {
                            let _ = writer.write_all(b"221 bye\r\n");
                            break;
                        } else {
                            b"250 ok\r\n"
                        };
                        let _ = writer.write_all(reply);
                        line.clear();
                    }
                });
            }
        });
        SmtpSink { url, messages }
    }

    /// The messages received so far, waiting up to 20 s for at least `count`.
    pub fn wait_for(&self, count: usize) -> Vec<String> {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let messages = self.messages.lock().map(|m| m.clone()).unwrap_or_default();
            if messages.len() >= count || Instant::now() > deadline {
                return messages;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

/// An HTTP client that does not follow redirects, so tests see where they lead.
pub fn no_redirects() -> reqwest::Client {
    reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().expect("client")
}

/// The cookie `name` a response sets, as `name=value`.
pub fn cookie_named(response: &reqwest::Response, name: &str) -> Option<String> {
    response
        .headers()
        .get_all(reqwest::header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|c| c.starts_with(&format!("{name}=")))
        .map(|c| c.split(';').next().unwrap_or_default().to_owned())
}

/// Signs in through the login form (its sign-in cookie and token first), without following
/// the redirect.
pub async fn sign_in_response(app: &App, email: &str, password: &str) -> reqwest::Response {
    let page = no_redirects().get(format!("{}/login", app.url)).send().await.expect("login page");
    let signin = cookie_named(&page, "consulta_signin").expect("a sign-in cookie");
    let csrf = hidden_csrf(&page.text().await.expect("HTML"));
    no_redirects()
        .post(format!("{}/login", app.url))
        .header(reqwest::header::COOKIE, signin)
        .form(&[("csrf", csrf.as_str()), ("email", email), ("password", password)])
        .send()
        .await
        .expect("sign in")
}

/// A signed-in account of the demo: its session cookie and form token.
pub struct Session {
    pub cookie: String,
    pub csrf: String,
}

pub async fn sign_in(app: &App, email: &str) -> Session {
    let home = reqwest::get(&app.url).await.expect("home").text().await.expect("HTML");
    let response = sign_in_response(app, email, &demo_password(&home, email)).await;
    assert_eq!(response.status(), reqwest::StatusCode::SEE_OTHER, "{email} signs in");
    let cookie = cookie_named(&response, "consulta_session").expect("a session cookie");
    let page = no_redirects()
        .get(format!("{}/forum", app.url))
        .header(reqwest::header::COOKIE, &cookie)
        .send()
        .await
        .expect("page");
    let csrf = hidden_csrf(&page.text().await.expect("HTML"));
    Session { cookie, csrf }
}

/// The password the demo's home page shows for the account `email` (the `<code>` after the
/// address's), in whatever language the page is.
pub fn demo_password(home: &str, email: &str) -> String {
    let at = home.find(&format!("<code>{email}</code>")).unwrap_or_else(|| panic!("{email} on the home page"));
    let rest = &home[at + email.len() + "<code></code>".len()..];
    let rest = &rest[rest.find("<code>").expect("its password") + "<code>".len()..];
    rest[..rest.find("</code>").expect("ends")].to_owned()
}

/// The form token in a page's first form.
pub fn hidden_csrf(html: &str) -> String {
    let at = html.find("name=\"csrf\" value=\"").expect("a form token") + "name=\"csrf\" value=\"".len();
    html[at..at + 64].to_owned()
}

/// An S3-compatible server (moto's, from `pip install 'moto[server]'`) on a free port; killed on
/// drop. None, with a loud message, when it is not installed (CI=true fails instead).
pub struct S3Server {
    child: Child,
    pub port: u16,
}

impl Drop for S3Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl S3Server {
    pub fn start() -> Option<S3Server> {
        let port = std::net::TcpListener::bind("127.0.0.1:0").ok()?.local_addr().ok()?.port();
        let child = match Command::new("moto_server")
            .args(["-H", "127.0.0.1", "-p", &port.to_string()])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
        {
            Ok(child) => child,
            Err(why) => {
                assert!(
                    std::env::var("CI").as_deref() != Ok("true"),
                    "CI needs moto_server (pip install 'moto[server]'): {why}"
                );
                eprintln!("\n*** SKIPPED: moto_server is not installed (pip install 'moto[server]') ***\n");
                return None;
            }
        };
        let server = S3Server { child, port };
        let deadline = Instant::now() + Duration::from_secs(30);
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(Instant::now() < deadline, "moto_server did not start");
            std::thread::sleep(Duration::from_millis(100));
        }
        Some(server)
    }

    /// Creates a bucket with a plain PUT, which moto accepts unsigned. A server just started may
    /// drop the first connections: try again for a while.
    pub fn create_bucket(&self, bucket: &str) {
        use std::io::{Read, Write};
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            let attempt = std::net::TcpStream::connect(("127.0.0.1", self.port)).and_then(|mut stream| {
                write!(
                    stream,
                    "PUT /{bucket} HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
                    self.port
                )?;
                let mut answer = String::new();
                stream.read_to_string(&mut answer)?;
                Ok(answer)
            });
            match attempt {
                Ok(answer) if answer.contains(" 200 ") => return,
                other => assert!(Instant::now() < deadline, "moto did not create the bucket: {other:?}"),
            }
            std::thread::sleep(Duration::from_millis(200));
        }
    }

    /// The `--files` location of a bucket (test credentials in it: moto takes any).
    pub fn location(&self, bucket: &str) -> String {
        format!(
            "s3://{bucket}/consulta?endpoint=http://127.0.0.1:{}&region=us-east-1&access_key_id=test&secret_access_key=test",
            self.port
        )
    }
}

/// A file's text extraction as the API gives it, once it is no longer pending (or pending still
/// when `wait` runs out, so the test can say which file).
pub async fn extraction(app: &App, id: i64, position: usize, wait: Duration) -> serde_json::Value {
    let deadline = Instant::now() + wait;
    loop {
        let outcome: serde_json::Value =
            reqwest::get(format!("{}/api/v1/contributions/{id}/files/{position}/text", app.url))
                .await
                .expect("answer")
                .json()
                .await
                .expect("JSON");
        if outcome["status"] != "pending" || Instant::now() >= deadline {
            return outcome;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Sends a contribution to consultation `slug` through the API (with an Idempotency-Key if
/// given), in English; the status and the JSON answer.
pub async fn post_contribution(
    app: &App,
    slug: &str,
    form: reqwest::multipart::Form,
    key: Option<&str>,
) -> (reqwest::StatusCode, serde_json::Value) {
    let mut request = reqwest::Client::new()
        .post(format!("{}/api/v1/consultations/{slug}/contributions", app.url))
        .header("Accept-Language", "en")
        .multipart(form);
    if let Some(key) = key {
        request = request.header("Idempotency-Key", key);
    }
    let response = request.send().await.expect("the server answers");
    let status = response.status();
    (status, response.json().await.expect("a JSON body"))
}

/// The pages anyone reads, by a name for their screenshots.
pub const PUBLIC_PAGES: [(&str, &str); 21] = [
    ("home", "/"),
    ("consultation-open", "/consultations/example-affordable-access"),
    ("consultation-2010", "/consultations/enhanced-cooperation-2010"),
    ("contribution", "/contributions/99"),
    ("receipt", "/contributions/99/receipt"),
    ("entity", "/entities/1"),
    ("search", "/search?q=access"),
    ("agreement", "/consultations/example-affordable-access/agreement"),
    ("campaigns", "/consultations/example-affordable-access/campaigns"),
    // The demo's first campaign: its letters come after the 104 other contributions.
    ("campaign", "/consultations/example-affordable-access/campaigns/105"),
    ("search-collapsed", "/search?q=interconnection&collapse=1"),
    ("login", "/login"),
    // The demo's example draft: its text (Rev.1), its compilation text and its comparison.
    ("draft", "/drafts/EXAMPLE/DRAFT/1"),
    ("draft-compilation", "/drafts/EXAMPLE/DRAFT/1?view=compilation"),
    ("draft-compare", "/drafts/EXAMPLE/DRAFT/1?compare=0"),
    // The demo's follow-up record: the action lines, one of them, and a commitment's timeline.
    ("action-lines", "/action-lines"),
    ("action-line", "/action-lines/C2"),
    ("commitment", "/commitments/1"),
    ("commitments", "/commitments?region=african"),
    // The demo's forum on projects and funding, and a project with its matches and thread.
    ("forum", "/forum"),
    ("forum-item", "/forum/1"),
];

/// The secretariat's pages.
pub const SECRETARIAT_PAGES: [(&str, &str); 12] = [
    ("admin", "/admin"),
    ("admin-new-consultation", "/admin/consultations/new"),
    ("admin-tags", "/admin/tags?contribution=100"),
    ("admin-issues", "/admin/issues"),
    ("admin-mail", "/admin/mail"),
    ("admin-audit", "/admin/audit"),
    ("admin-report", "/admin/consultations/enhanced-cooperation-2010/report"),
    ("admin-agreement", "/admin/agreement"),
    ("reports-due", "/reports-due"),
    ("admin-reporting-round", "/admin/reporting-rounds/example-progress-reports"),
    // The same project with the secretariat's moderation forms.
    ("forum-moderation", "/forum/1"),
    ("admin-api-keys", "/admin/api-keys"),
];

/// Posts a secretariat's form as a browser does, checks it is answered by a redirect, and reads
/// the page it leads to.
pub async fn post_then_read(app: &App, session: &str, url: &str, form: &[(&str, String)]) -> String {
    use reqwest::header::{COOKIE, LOCATION};
    let client = no_redirects();
    let saved = client.post(url).header(COOKIE, session).form(form).send().await.expect("saved");
    assert_eq!(saved.status(), reqwest::StatusCode::SEE_OTHER);
    let location = saved.headers()[LOCATION].to_str().expect("location").to_owned();
    let page = client.get(format!("{}{location}", app.url)).header(COOKIE, session).send().await.expect("page");
    page.text().await.expect("HTML")
}
