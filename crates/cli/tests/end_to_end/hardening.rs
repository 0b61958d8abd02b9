//! The defects a security review found, each tried as an attacker would against the real binary:
//! decompression bombs, slow clients, oversized fields, and the smaller ones (headers, health,
//! withheld receipts, log queries). Each test failed before its fix.

use crate::common;
use consulta_store::{JobStore, LogStore, RecordStore};

use std::io::{Read, Write};
use std::time::{Duration, Instant};

use crate::common::{App, Workspace, spawn_serve, spawn_serve_with, stderr};
use consulta_testkit::samples::bombs;
use reqwest::StatusCode;
use reqwest::multipart::{Form, Part};
use serde_json::Value;

fn form() -> Form {
    Form::new()
        .text("entity", "Example Citizens' Network")
        .text("stakeholder_group", "civil_society")
        .text("country", "KE")
        .text("email", "contact@example.org")
        .text("language", "en")
        .text("title", "Example: an attachment")
        .text("body", "Example text, invented for a test.")
}

async fn submit(app: &App, form: Form) -> (StatusCode, Value) {
    common::post_contribution(app, "open", form, None).await
}

#[tokio::test]
async fn decompression_bombs_are_marked_failed_and_the_server_stays_up_and_small() {
    let ws = Workspace::new();
    ws.create_open_consultation("open");
    let app = spawn_serve_with(&ws.db, &["--extract-memory-mib", "256"]);
    let docx = bombs::docx(1 << 30);
    let pdf = bombs::pdf(768 << 20);
    assert!(docx.len() < 2 << 20 && pdf.len() < 2 << 20, "small files: {} and {} bytes", docx.len(), pdf.len());
    let (status, receipt) = submit(
        &app,
        form()
            .part("files", Part::bytes(docx).file_name("bomb.docx").mime_str("application/octet-stream").expect("mime"))
            .part("files", Part::bytes(pdf).file_name("bomb.pdf").mime_str("application/pdf").expect("mime"))
            .part(
                "files",
                Part::bytes(consulta_testkit::samples::docx_with(&["Still extracted"]))
                    .file_name("fine.docx")
                    .mime_str("application/octet-stream")
                    .expect("mime"),
            ),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{receipt}");
    let id = receipt["id"].as_i64().expect("id");
    let docx = common::extraction(&app, id, 0, Duration::from_secs(120)).await;
    assert_eq!(docx["status"], "failed", "{docx}");
    assert!(docx["reason"].as_str().is_some_and(|r| r.contains("limit")), "{docx}");
    let pdf = common::extraction(&app, id, 1, Duration::from_secs(180)).await;
    eprintln!("docx: {docx}\npdf: {pdf}");
    assert_eq!(pdf["status"], "failed", "{pdf}");
    let fine = common::extraction(&app, id, 2, Duration::from_secs(60)).await;
    assert_eq!(fine["status"], "done", "the next file is extracted as usual: {fine}");
    let health = reqwest::get(format!("{}/healthz", app.url)).await.expect("the server is up");
    assert_eq!(health.status(), StatusCode::OK);
    let peak = app.peak_memory();
    assert!(peak > 0 && peak < 400 << 20, "the server's peak memory stayed under 400 MiB: {} MiB", peak >> 20);
}

#[tokio::test]
async fn clients_that_send_half_a_header_are_cut_off_and_do_not_starve_others() {
    let ws = Workspace::new();
    ws.create_open_consultation("open");
    let app = spawn_serve_with(&ws.db, &["--max-connections", "4"]);
    let address = app.url.trim_start_matches("http://").to_owned();
    let mut slow: Vec<std::net::TcpStream> = (0..4)
        .map(|_| {
            let mut stream = std::net::TcpStream::connect(&address).expect("connect");
            stream.write_all(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ").expect("half a header");
            stream.set_read_timeout(Some(Duration::from_secs(30))).expect("timeout");
            stream
        })
        .collect();
    // Every connection is taken: a real client waits, and is served once the slow ones are cut.
    let started = Instant::now();
    let answer = tokio::task::spawn_blocking(move || {
        let mut stream = std::net::TcpStream::connect(&address).expect("connect");
        stream.set_read_timeout(Some(Duration::from_secs(40))).expect("timeout");
        stream.write_all(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n").expect("request");
        let mut answer = String::new();
        let _ = stream.read_to_string(&mut answer);
        answer
    })
    .await
    .expect("client");
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    assert!(started.elapsed() < Duration::from_secs(30), "served after {:?}", started.elapsed());
    for stream in &mut slow {
        let mut rest = Vec::new();
        let read = stream.read_to_end(&mut rest);
        assert!(read.is_ok(), "the server closed the slow connection rather than let it wait: {read:?}");
    }
}

#[tokio::test]
async fn an_oversized_field_is_refused_as_it_streams() {
    let ws = Workspace::new();
    ws.create_open_consultation("open");
    let app = spawn_serve(&ws.db);
    let long_title = Form::new()
        .text("entity", "Example Network")
        .text("stakeholder_group", "civil_society")
        .text("country", "KE")
        .text("email", "contact@example.org")
        .text("language", "en")
        .text("title", "t".repeat(3 << 20))
        .text("body", "Body.");
    let (status, error) = submit(&app, long_title).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE, "{error}");
    assert_eq!(error["error"], "field_too_large", "{error}");
    assert!(error["message"].as_str().is_some_and(|m| m.contains("“Title”")), "{error}");
    let long_body = form().text("body", "b".repeat(2 << 20));
    let (status, error) = submit(&app, long_body).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE, "{error}");
    let nul = form().text("title", "Hidden\u{0}text");
    let (status, error) = submit(&app, nul).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "a control character is refused: {error}");
    assert!(error.to_string().contains("U+0000"), "{error}");
}

#[tokio::test]
async fn security_headers_health_withheld_receipts_and_log_queries() {
    let ws = Workspace::new();
    ws.create_open_consultation("open");
    let app = spawn_serve(&ws.db);
    let page = reqwest::get(format!("{}/", app.url)).await.expect("page");
    assert_eq!(page.headers()["referrer-policy"], "same-origin");
    assert_eq!(page.headers()["x-content-type-options"], "nosniff");
    let json = reqwest::get(format!("{}/api/v1/log/tree-head", app.url)).await.expect("JSON");
    assert_eq!(json.headers()["x-content-type-options"], "nosniff");

    // A withheld contribution's receipt no longer names its files.
    let (status, receipt) = submit(
        &app,
        form().part(
            "files",
            Part::bytes(b"personal data".to_vec())
                .file_name("private-letter.txt")
                .mime_str("text/plain")
                .expect("mime"),
        ),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{receipt}");
    let id = receipt["id"].as_i64().expect("id").to_string();
    let withheld = ws.run(&["contribution", "withhold", &id, "--reason", "personal data"]);
    assert!(withheld.status.success(), "{}", stderr(&withheld));
    let public: Value = reqwest::get(format!("{}/api/v1/contributions/{id}/receipt", app.url))
        .await
        .expect("receipt")
        .json()
        .await
        .expect("JSON");
    assert_eq!(public["files"], serde_json::json!([]), "{public}");
    let page = reqwest::get(format!("{}/contributions/{id}/receipt", app.url)).await.expect("page");
    assert!(!page.text().await.expect("HTML").contains("private-letter"));

    // A consistency proof asked backwards says what is wrong, in the reader's language.
    let backwards = reqwest::Client::new()
        .get(format!("{}/api/v1/log/consistency?from=1&to=0", app.url))
        .header("Accept-Language", "fr")
        .send()
        .await
        .expect("answer");
    assert_eq!(backwards.status(), StatusCode::BAD_REQUEST);
    let error: Value = backwards.json().await.expect("JSON");
    assert!(error["message"].as_str().is_some_and(|m| m.contains("ne peut dépasser")), "{error}");

    // Health: a server whose search index is gone says so.
    let health = reqwest::get(format!("{}/healthz", app.url)).await.expect("health");
    assert_eq!(health.status(), StatusCode::OK);
    std::fs::remove_dir_all(ws.dir.path().join("consulta-index")).expect("remove the index");
    let health = reqwest::get(format!("{}/healthz", app.url)).await.expect("health");
    assert_eq!(health.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert!(health.text().await.expect("text").contains("search index"));
}

/// The CSV distribution table of consultation `open`.
fn table(ws: &Workspace) -> String {
    let output = ws.run(&["table", "--consultation", "open", "--format", "csv"]);
    assert!(output.status.success(), "{}", stderr(&output));
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[tokio::test]
async fn an_unverified_sender_never_speaks_for_a_recorded_entity_nor_defines_one() {
    let ws = Workspace::new();
    ws.create_open_consultation("open");
    let recorded = ws.write(
        "recorded.csv",
        b"entity,stakeholder_group,country,channel,submitted_at,language,title,body,meeting\n\
          Fictional Republic of Aurelia,government,FR,written,2026-01-05,en,Position,Invented text.,\n",
    );
    ws.import(&recorded, "open");
    let app = spawn_serve(&ws.db);
    let claim = |entity: &str, group: &str| {
        Form::new()
            .text("entity", entity.to_owned())
            .text("stakeholder_group", group.to_owned())
            .text("country", "FR")
            .text("email", "someone@example.org")
            .text("language", "en")
            .text("title", format!("Sent as {entity}"))
            .text("body", "Example text, invented for a test.")
    };
    // Someone names the recorded government, spelled another way.
    let (status, receipt) = submit(&app, claim("fictional republic of  AURELIA", "government")).await;
    assert_eq!(status, StatusCode::CREATED, "{receipt}");
    let squatted = receipt["id"].as_i64().expect("id");
    let page = reqwest::get(format!("{}/contributions/{squatted}", app.url)).await.expect("page");
    let html = page.text().await.expect("HTML");
    assert!(!html.contains("href=\"/entities/1\""), "not attached to the recorded entity");
    assert!(html.contains("Identity not verified"), "marked on its page");
    let entity_link = html.split("href=\"/entities/").nth(1).and_then(|r| r.split('"').next()).expect("entity link");
    let entity_page = reqwest::get(format!("{}/entities/{entity_link}", app.url)).await.expect("page");
    assert!(entity_page.text().await.expect("HTML").contains("not an entity of the registry"));
    let listing = reqwest::get(format!("{}/consultations/open", app.url)).await.expect("page");
    let listing = listing.text().await.expect("HTML");
    assert!(listing.contains("Identity not verified"), "marked in listings");
    assert!(listing.contains("Identity not verified (not counted above)"), "apart in the page's table");
    let feed = reqwest::get(format!("{}/consultations/open/feed.atom", app.url)).await.expect("feed");
    assert!(feed.text().await.expect("XML").contains("identity:unverified"), "marked in the feed");
    assert_eq!(
        table(&ws),
        "group,written,presentation,intervention,total\ngovernment,1,0,0,1\ntotal,1,0,0,1\nunverified,1,0,0,1\n",
        "counted apart, not under Governments"
    );

    // The first anonymous sender of a new name does not fix its group for the secretariat.
    let (status, _) = submit(&app, claim("Example Ministry of Ideas", "government")).await;
    assert_eq!(status, StatusCode::CREATED);
    let real = ws.write(
        "real.csv",
        b"entity,stakeholder_group,country,channel,submitted_at,language,title,body,meeting\n\
          Example Ministry of Ideas,civil_society,KE,written,2026-01-06,en,Views,Invented text.,\n",
    );
    ws.import(&real, "open");

    // The secretariat checks who sent the first one and attributes it; the counts follow.
    let refused = ws.run(&["contribution", "attribute", "1", "--entity", "Fictional Republic of Aurelia"]);
    assert!(!refused.status.success(), "a recorded contribution is not attributed");
    let attributed =
        ws.run(&["contribution", "attribute", &squatted.to_string(), "--entity", "FICTIONAL republic of aurelia"]);
    assert!(attributed.status.success(), "{}", stderr(&attributed));
    let counts = table(&ws);
    assert!(counts.contains("government,2,0,0,2") && counts.contains("unverified,1,0,0,1"), "{counts}");
    let page = reqwest::get(format!("{}/contributions/{squatted}", app.url)).await.expect("page");
    assert!(
        page.text().await.expect("HTML").contains("attributed by the secretariat to Fictional Republic of Aurelia")
    );

    // A withheld contribution leaves the counts.
    let withheld = ws.run(&["contribution", "withhold", "1", "--reason", "abuse"]);
    assert!(withheld.status.success(), "{}", stderr(&withheld));
    assert!(table(&ws).contains("government,1,0,0,1"), "{}", table(&ws));
}

/// Rewrites contribution `id`'s body in the SQLite file at `db` as someone with the database
/// but not the key would: then, if `consistently`, its leaf and every node of the tree too, so
/// that the stored tree is consistent with the rewritten record.
fn rewrite_body(db: &std::path::Path, id: i64, body: &str, consistently: bool) {
    let connection = rusqlite::Connection::open(db).expect("open");
    connection.execute("UPDATE contributions SET body = ?2 WHERE id = ?1", rusqlite::params![id, body]).expect("body");
    if !consistently {
        return;
    }
    let record =
        consulta_store::SqliteStore::open(db).expect("store").canonical_record(consulta_core::ContributionId(id));
    let hash = consulta_log::sha256(&record.expect("read").expect("found").to_bytes());
    connection
        .execute(
            "UPDATE log_leaves SET record_sha256 = ?2 WHERE contribution_id = ?1",
            rusqlite::params![id, &hash[..]],
        )
        .expect("leaf");
    let mut leaves = connection.prepare("SELECT record_sha256 FROM log_leaves ORDER BY leaf_index").expect("leaves");
    let leaves: Vec<Vec<u8>> = leaves.query_map([], |r| r.get(0)).expect("read").map(|r| r.expect("leaf")).collect();
    struct Memory(std::collections::HashMap<(u32, u64), consulta_log::Hash>);
    impl consulta_log::Nodes for Memory {
        type Error = String;
        fn node(&self, level: u32, index: u64) -> Result<consulta_log::Hash, String> {
            self.0.get(&(level, index)).copied().ok_or_else(|| "no node".to_owned())
        }
    }
    let mut nodes = Memory(std::collections::HashMap::new());
    for (size, leaf) in leaves.iter().enumerate() {
        let leaf: [u8; 32] = leaf.as_slice().try_into().expect("32 bytes");
        for node in consulta_log::append(&nodes, size as u64, consulta_log::leaf_hash(&leaf)).expect("append") {
            nodes.0.insert((node.level, node.index), node.hash);
        }
    }
    connection.execute("DELETE FROM log_nodes", []).expect("nodes");
    for ((level, index), hash) in nodes.0 {
        connection
            .execute(
                "INSERT INTO log_nodes (level, idx, hash) VALUES (?1, ?2, ?3)",
                rusqlite::params![level, index as i64, &hash[..]],
            )
            .expect("node");
    }
}

#[tokio::test]
async fn a_rewritten_record_is_caught_and_never_served_as_the_record() {
    let ws = Workspace::new();
    ws.create_open_consultation("open");
    let app = spawn_serve(&ws.db);
    for _ in 0..3 {
        let (status, receipt) = submit(&app, form()).await;
        assert_eq!(status, StatusCode::CREATED, "{receipt}");
    }
    let checkpoint = reqwest::get(format!("{}/api/v1/log/checkpoint", app.url)).await.expect("checkpoint");
    let note = checkpoint.text().await.expect("text");
    assert_eq!(note.lines().nth(1), Some("3"), "a C2SP checkpoint of the tree of 3: {note}");
    drop(app);
    let key_file = ws.dir.path().join("consulta-log.key");
    let database = std::fs::read(&ws.db).expect("database");
    let secret = std::fs::read_to_string(&key_file).expect("the key is in a file of its own");
    let secret: [u8; 32] = consulta_log::from_hex(secret.trim()).expect("a key");
    assert!(!database.windows(32).any(|w| w == secret), "and not in the database");
    let checked = ws.run(&["check"]);
    assert!(checked.status.success(), "{}", stderr(&checked));
    assert!(common::stdout(&checked).contains("signed heads of"), "{}", common::stdout(&checked));

    // Someone with the database rewrites a body, its leaf and every node: the stored tree is
    // consistent again, but not with the heads the instance signed.
    rewrite_body(&ws.db, 2, "Words never sent.", true);
    let caught = ws.run(&["check"]);
    assert!(!caught.status.success(), "a consistent rewrite is caught");
    assert!(stderr(&caught).contains("the record was rewritten"), "{}", stderr(&caught));

    // A body edited without the log is flagged on its page, in open data and in search.
    rewrite_body(&ws.db, 3, "Also never sent.", false);
    let app = spawn_serve(&ws.db);
    let page = reqwest::get(format!("{}/contributions/3", app.url)).await.expect("page");
    let html = page.text().await.expect("HTML");
    assert!(html.contains("Record altered") && !html.contains("Also never sent."), "{html}");
    let csv = reqwest::get(format!("{}/consultations/open/contributions.csv", app.url)).await.expect("csv");
    let csv = csv.text().await.expect("text");
    let header: Vec<&str> = csv.lines().next().unwrap_or_default().split(',').collect();
    let altered_at = header.iter().position(|c| *c == "record_altered").expect("the column");
    // The altered row's other cells are empty, so its commas are the columns'.
    let altered = csv.lines().nth(3).and_then(|l| l.split(',').nth(altered_at).map(str::to_owned));
    assert!(!csv.contains("Also never sent.") && altered.as_deref() == Some("true"), "{csv}");
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let found: Value = reqwest::get(format!("{}/api/v1/search?q=Example", app.url))
            .await
            .expect("search")
            .json()
            .await
            .expect("JSON");
        let altered: Vec<&Value> = found["results"].as_array().into_iter().flatten().filter(|r| r["id"] == 3).collect();
        if let Some(hit) = altered.first() {
            assert_eq!(hit["record_altered"], true, "{hit}");
            assert!(!hit.to_string().contains("never sent"), "{hit}");
            break;
        }
        assert!(Instant::now() < deadline, "search did not find contribution 3: {found}");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

/// The files in a files directory (not counting what a sweep set aside).
fn stored_files(dir: &std::path::Path) -> usize {
    std::fs::read_dir(dir)
        .map(|shards| {
            shards
                .flatten()
                .filter(|s| s.file_name().len() == 2)
                .map(|s| std::fs::read_dir(s.path()).map(|f| f.count()).unwrap_or(0))
                .sum()
        })
        .unwrap_or(0)
}

#[tokio::test]
async fn a_refused_submissions_files_are_swept_and_a_recorded_ones_stay() {
    let ws = Workspace::new();
    ws.create_open_consultation("open");
    let app = spawn_serve(&ws.db);
    let with_file = |text: &'static [u8]| {
        form().part("files", Part::bytes(text.to_vec()).file_name("note.txt").mime_str("text/plain").expect("mime"))
    };
    let (kept, _) = common::post_contribution(&app, "open", with_file(b"the recorded file"), Some("key-1")).await;
    assert_eq!(kept, StatusCode::CREATED);
    // The same key with other content is refused, after its file was stored.
    let refused = with_file(b"a file the refused request stored");
    let (refused, _) = common::post_contribution(&app, "open", refused, Some("key-1")).await;
    assert_eq!(refused, StatusCode::UNPROCESSABLE_ENTITY);
    drop(app);
    let files = ws.dir.path().join("consulta-files");
    assert_eq!(stored_files(&files), 2, "the refused request's file was stored first");
    for _ in 0..2 {
        let swept = ws.run(&["sweep-files", "--grace-minutes", "0"]);
        assert!(swept.status.success(), "{}", stderr(&swept));
    }
    assert_eq!(stored_files(&files), 1, "only the recorded file is left");
    let app = spawn_serve(&ws.db);
    let served = reqwest::get(format!("{}/contributions/1/files/0", app.url)).await.expect("file");
    assert_eq!(served.bytes().await.expect("bytes").as_ref(), b"the recorded file");
}

#[tokio::test]
async fn a_stopped_server_gives_up_its_jobs_at_once_and_open_data_is_written_once_per_change() {
    let ws = Workspace::new();
    ws.create_open_consultation("open");
    let mut app = spawn_serve(&ws.db);
    let (status, _) = submit(&app, form()).await;
    assert_eq!(status, StatusCode::CREATED);

    // The archive is written once, then served as written until the record changes.
    let archive = |app: &App| {
        let url = format!("{}/consultations/open/archive.zip", app.url);
        async move { reqwest::get(url).await.expect("archive").bytes().await.expect("bytes") }
    };
    let first = archive(&app).await;
    tokio::time::sleep(Duration::from_millis(1100)).await;
    assert_eq!(archive(&app).await, first, "the same archive, not a new one dated now");
    let (status, _) = submit(&app, form()).await;
    assert_eq!(status, StatusCode::CREATED);
    assert_ne!(archive(&app).await, first, "a new contribution makes a new archive");

    // Stopped with SIGTERM, the server releases its lease and its claims on shared work: another
    // server takes them at once, not when they lapse.
    let deadline = Instant::now() + Duration::from_secs(10);
    let holder = || -> Option<String> {
        let connection = rusqlite::Connection::open(&ws.db).expect("open");
        connection.query_row("SELECT holder FROM job_leases WHERE job = 'sweep'", [], |r| r.get(0)).ok()
    };
    while holder().is_none() {
        assert!(Instant::now() < deadline, "the server never took the sweep job");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(app.stop().success(), "a clean stop");
    let mut store = consulta_store::SqliteStore::open(&ws.db).expect("store");
    let now = jiff::Timestamp::now();
    let until = now + jiff::SignedDuration::from_secs(60);
    assert!(store.claim_lease("sweep", "another server", now, until).expect("claim"), "the sweep is free at once");
    let connection = rusqlite::Connection::open(&ws.db).expect("open");
    let claims: i64 = connection.query_row("SELECT COUNT(*) FROM job_claims", [], |r| r.get(0)).expect("count");
    assert_eq!(claims, 0, "no email or file is left claimed by the stopped server");
}

#[tokio::test]
async fn a_submission_under_way_when_the_server_is_stopped_is_answered_and_recorded() {
    let ws = Workspace::new();
    ws.create_open_consultation("open");
    let mut app = spawn_serve(&ws.db);
    let address = app.url.trim_start_matches("http://").to_owned();
    let boundary = "drain-boundary";
    let fields = [
        ("entity", "Example Slow Link Network"),
        ("stakeholder_group", "civil_society"),
        ("country", "KE"),
        ("email", "contact@example.org"),
        ("language", "en"),
        ("title", "Example: sent while the server stops"),
        ("body", "Example text, invented for a test."),
    ];
    let mut body = String::new();
    for (name, value) in fields {
        body.push_str(&format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"));
    }
    body.push_str(&format!("--{boundary}--\r\n"));
    let (first, rest) = body.split_at(body.len() / 2);
    let mut stream = std::net::TcpStream::connect(&address).expect("connect");
    stream.set_read_timeout(Some(Duration::from_secs(30))).expect("timeout");
    let header = format!(
        "POST /api/v1/consultations/open/contributions HTTP/1.1\r\nHost: 127.0.0.1\r\n\
         Content-Type: multipart/form-data; boundary={boundary}\r\nContent-Length: {}\r\n\r\n",
        body.len()
    );
    stream.write_all(header.as_bytes()).expect("header");
    stream.write_all(first.as_bytes()).expect("half the body");
    tokio::time::sleep(Duration::from_millis(300)).await;
    // Stopped halfway through the upload: the server takes no new connection, but this one
    // finishes, is recorded, and is answered.
    app.terminate();
    tokio::time::sleep(Duration::from_millis(500)).await;
    stream.write_all(rest.as_bytes()).expect("the rest of the body");
    let mut answer = String::new();
    let _ = stream.read_to_string(&mut answer);
    assert!(answer.starts_with("HTTP/1.1 201"), "{answer}");
    assert!(app.wait().success(), "a clean stop");
    let store = consulta_store::SqliteStore::open(&ws.db).expect("store");
    assert_eq!(store.log_size().expect("log"), 1, "the contribution is in the log");
}

#[tokio::test]
async fn behind_a_trusted_proxy_the_limits_count_each_client_and_a_forged_header_counts_for_nothing() {
    let ws = Workspace::new();
    ws.create_open_consultation("open");
    let send = |app: &App, forwarded: &'static str| {
        reqwest::Client::new()
            .post(format!("{}/api/v1/consultations/open/contributions", app.url))
            .header("X-Forwarded-For", forwarded)
            .multipart(form())
            .send()
    };
    // Directly reached, the header is the client's own word: it is ignored.
    let app = spawn_serve_with(&ws.db, &["--unverified-per-hour", "2"]);
    for forwarded in ["203.0.113.1", "203.0.113.2"] {
        assert_eq!(send(&app, forwarded).await.expect("answer").status(), StatusCode::CREATED);
    }
    let forged = send(&app, "203.0.113.3").await.expect("answer");
    assert_eq!(forged.status(), StatusCode::TOO_MANY_REQUESTS, "a new header is not a new client");
    drop(app);
    // Behind a proxy the operator trusts, each client it forwards for has its own count.
    let app = spawn_serve_with(&ws.db, &["--unverified-per-hour", "2", "--trusted-proxy", "127.0.0.0/8"]);
    for _ in 0..2 {
        assert_eq!(send(&app, "198.51.100.7").await.expect("answer").status(), StatusCode::CREATED);
    }
    assert_eq!(send(&app, "198.51.100.7").await.expect("answer").status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(send(&app, "198.51.100.8").await.expect("answer").status(), StatusCode::CREATED, "another client");
}

#[tokio::test]
async fn failed_sign_ins_and_unverified_submissions_count_on_every_server_of_an_instance() {
    use common::{cookie_named, hidden_csrf, no_redirects};
    let ws = Workspace::new();
    ws.create_open_consultation("open");
    let created = std::process::Command::new(common::CONSULTA)
        .arg("--db")
        .arg(&ws.db)
        .args(["admin", "create", "--email", "sec@example.org", "--name", "Secretariat"])
        .env("CONSULTA_PASSWORD", "correct horse battery staple")
        .output()
        .expect("consulta runs");
    assert!(created.status.success(), "{}", stderr(&created));
    let index = |name: &str| ws.dir.path().join(name).display().to_string();
    let (index_a, index_b) = (index("index-a"), index("index-b"));
    let a = spawn_serve_with(&ws.db, &["--index", &index_a, "--unverified-per-hour", "2"]);
    let b = spawn_serve_with(&ws.db, &["--index", &index_b, "--unverified-per-hour", "2"]);
    for app in [&a, &a] {
        assert_eq!(submit(app, form()).await.0, StatusCode::CREATED);
    }
    assert_eq!(submit(&b, form()).await.0, StatusCode::TOO_MANY_REQUESTS, "B counts what A received");
    let sign_in = |app: &App, password: &'static str| {
        let url = app.url.clone();
        async move {
            let page = no_redirects().get(format!("{url}/login")).send().await.expect("login page");
            let cookie = cookie_named(&page, "consulta_signin").expect("cookie");
            let csrf = hidden_csrf(&page.text().await.expect("HTML"));
            no_redirects()
                .post(format!("{url}/login"))
                .header(reqwest::header::COOKIE, cookie)
                .form(&[("csrf", csrf.as_str()), ("email", "sec@example.org"), ("password", password)])
                .send()
                .await
                .expect("answer")
                .status()
        }
    };
    for _ in 0..5 {
        assert_eq!(sign_in(&a, "not the password at all").await, StatusCode::UNAUTHORIZED);
    }
    assert_eq!(sign_in(&b, "correct horse battery staple").await, StatusCode::TOO_MANY_REQUESTS, "B saw A's count");
}

/// A small filesystem of its own (tmpfs), unmounted on drop: a disk that fills up.
struct TinyDisk(std::path::PathBuf);

impl TinyDisk {
    /// None, loudly, where this process may not mount (not root); CI=true fails instead.
    fn mount(path: std::path::PathBuf, bytes: u64) -> Option<TinyDisk> {
        std::fs::create_dir_all(&path).expect("mount point");
        let mounted = std::process::Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={bytes}"), "tmpfs"])
            .arg(&path)
            .status();
        if mounted.is_ok_and(|s| s.success()) {
            return Some(TinyDisk(path));
        }
        assert!(std::env::var("CI").as_deref() != Ok("true"), "CI needs to mount a tmpfs (run as root)");
        eprintln!("\n*** SKIPPED: cannot mount a tmpfs here (not root) ***\n");
        None
    }
}

impl Drop for TinyDisk {
    fn drop(&mut self) {
        let _ = std::process::Command::new("umount").arg(&self.0).status();
    }
}

#[tokio::test]
async fn a_full_disk_refuses_with_507_and_leaves_no_partial_file() {
    let ws = Workspace::new();
    ws.create_open_consultation("open");
    let Some(disk) = TinyDisk::mount(ws.dir.path().join("tiny-files"), 256 * 1024) else { return };
    let files = disk.0.display().to_string();
    let app = spawn_serve_with(&ws.db, &["--files", &files]);
    let big = Part::bytes(vec![b'x'; 512 * 1024]).file_name("big.txt").mime_str("text/plain").expect("mime");
    let response = reqwest::Client::new()
        .post(format!("{}/api/v1/consultations/open/contributions", app.url))
        .header("Accept-Language", "en")
        .multipart(form().part("files", big))
        .send()
        .await
        .expect("answer");
    assert_eq!(response.status(), StatusCode::INSUFFICIENT_STORAGE);
    let error: Value = response.json().await.expect("JSON");
    assert_eq!(error["error"], "storage_full", "{error}");
    assert!(error["message"].as_str().is_some_and(|m| m.contains("no room left")), "{error}");
    let left: Vec<String> = walk(&disk.0);
    assert!(left.iter().all(|name| !name.starts_with(".incoming-")), "no partial file: {left:?}");
    let small = Part::bytes(b"fits".to_vec()).file_name("small.txt").mime_str("text/plain").expect("mime");
    let (status, _) = submit(&app, form().part("files", small)).await;
    assert_eq!(status, StatusCode::CREATED, "the server goes on");
    drop(app);
}

/// The names of the files below `dir`.
fn walk(dir: &std::path::Path) -> Vec<String> {
    let mut names = Vec::new();
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        if entry.path().is_dir() {
            names.extend(walk(&entry.path()));
        } else {
            names.push(entry.file_name().to_string_lossy().into_owned());
        }
    }
    names
}
