//! `consulta backup` while the server takes contributions, then `consulta restore` into a new
//! instance whose log is checked contribution by contribution, on SQLite and on PostgreSQL; and
//! `consulta migrate` from SQLite to PostgreSQL and back.

use crate::common;

use std::process::Command;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

use crate::common::{CONSULTA, Workspace, spawn_serve_with, stderr, stdout};
use reqwest::multipart::{Form, Part};

fn consulta(args: &[&str]) -> std::process::Output {
    Command::new(CONSULTA).args(args).env("CONSULTA_LANG", "en").output().expect("consulta runs")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_backup_of_sqlite_taken_while_contributions_arrive_restores_and_checks_out() {
    a_backup_taken_while_contributions_arrive_restores_and_checks_out(Workspace::new()).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_backup_of_postgresql_taken_while_contributions_arrive_restores_and_checks_out() {
    let Some(ws) = Workspace::postgres() else { return };
    a_backup_taken_while_contributions_arrive_restores_and_checks_out(ws).await;
}

/// `consulta serve` over `db` with its files and index in `dir`, and the workspace's log key.
fn serve(ws: &Workspace, db: &str, files: &str, index: &std::path::Path) -> common::App {
    let mut options = vec!["--files".to_owned(), files.to_owned(), "--index".to_owned(), index.display().to_string()];
    options.extend(ws.log_options());
    spawn_serve_with(std::path::Path::new(db), &options.iter().map(String::as_str).collect::<Vec<_>>())
}

async fn a_backup_taken_while_contributions_arrive_restores_and_checks_out(ws: Workspace) {
    ws.create_open_consultation("open");
    let db = ws.db.to_str().expect("path").to_owned();
    let files = ws.dir.path().join("consulta-files");
    let app = serve(&ws, &db, files.to_str().expect("path"), &ws.dir.path().join("index"));

    // Contributions (each with a file) keep arriving while the backup runs.
    let running = Arc::new(AtomicBool::new(true));
    let sent = Arc::new(AtomicU64::new(0));
    let submitter = {
        let (url, running, sent) = (app.url.clone(), running.clone(), sent.clone());
        tokio::spawn(async move {
            let client = reqwest::Client::new();
            let mut n = 0u64;
            while running.load(Ordering::Relaxed) || n < 5 {
                n += 1;
                let form = Form::new()
                    .text("entity", format!("Example Organisation {}", n % 7))
                    .text("stakeholder_group", "civil_society")
                    .text("email", "contact@example.org")
                    .text("language", "en")
                    .text("title", format!("Example contribution {n}"))
                    .text("body", "Example text, invented for a test.")
                    .part("files", Part::bytes(format!("annex {n}").into_bytes()).file_name("annex.txt"));
                let response = client
                    .post(format!("{url}/api/v1/consultations/open/contributions"))
                    .multipart(form)
                    .send()
                    .await
                    .expect("the server answers");
                assert!(response.status().is_success(), "{}", response.text().await.unwrap_or_default());
                sent.fetch_add(1, Ordering::Relaxed);
            }
        })
    };
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    while sent.load(Ordering::Relaxed) < 5 {
        assert!(std::time::Instant::now() < deadline && !submitter.is_finished(), "the submissions do not go through");
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    let backup_dir = ws.dir.path().join("backup");
    let backup_path = backup_dir.to_str().expect("path").to_owned();
    let files_arg = files.to_str().expect("path").to_owned();
    let output =
        tokio::task::spawn_blocking(move || consulta(&["--db", &db, "--files", &files_arg, "backup", &backup_path]))
            .await
            .expect("backup ran");
    assert!(output.status.success(), "{}", stderr(&output));
    running.store(false, Ordering::Relaxed);
    submitter.await.expect("submitter");
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(backup_dir.join("backup.json")).expect("manifest")).expect("JSON");
    let backed_up = manifest["contributions"].as_u64().expect("a count");
    assert!(backed_up >= 5, "{manifest}");
    assert_eq!(manifest["attachments"].as_u64(), Some(backed_up), "every contribution's file is in the backup");
    assert_eq!(manifest["log_size"].as_u64(), Some(backed_up));

    // Restore into a new instance: every contribution checks out against the backed-up root.
    let restored = ws.another_database("restored.db");
    let restored_files = ws.dir.path().join("restored-files");
    let args = |db: &str| {
        vec![
            "--db".to_owned(),
            db.to_owned(),
            "--files".to_owned(),
            restored_files.to_str().expect("path").to_owned(),
            "restore".to_owned(),
            backup_dir.to_str().expect("path").to_owned(),
        ]
    };
    let run = |args: Vec<String>| consulta(&args.iter().map(String::as_str).collect::<Vec<_>>());
    let output = run(args(&restored));
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stderr(&output).contains(&format!("{backed_up} contributions, each in the log")), "{}", stderr(&output));
    assert!(stderr(&output).contains(manifest["log_root"].as_str().expect("root")));
    // The restored instance signs with the instance's key file, which no backup holds.
    let restored_app =
        serve(&ws, &restored, restored_files.to_str().expect("path"), &ws.dir.path().join("restored-index"));
    let page = reqwest::get(format!("{}/contributions/1/files/0", restored_app.url)).await.expect("answer");
    assert_eq!(page.status(), reqwest::StatusCode::OK, "the restored attachment is served");

    // A restore never overwrites an instance, and a backup whose log does not match its
    // manifest is refused.
    let again = run(args(&restored));
    assert!(!again.status.success());
    assert!(stderr(&again).contains("exists already"), "{}", stderr(&again));
    let mut tampered = manifest.clone();
    tampered["log_root"] = "00".repeat(32).into();
    std::fs::write(backup_dir.join("backup.json"), tampered.to_string()).expect("write");
    let refused = run(args(&ws.another_database("other.db")));
    assert!(!refused.status.success());
    assert!(stderr(&refused).contains("does not check out"), "{}", stderr(&refused));
}

#[test]
fn a_record_migrates_to_postgresql_and_back_whole() {
    let Some(pg) = Workspace::postgres() else { return };
    let ws = Workspace::new();
    let db = ws.db.to_str().expect("path");
    let loaded = consulta(&["--db", db, "load-demo"]);
    assert!(loaded.status.success(), "{}", stderr(&loaded));
    let table = |db: &str| consulta(&["--db", db, "table", "--consultation", "ec-2010", "--format", "csv"]);
    let before = stdout(&table(db));
    let root = |db: &str| {
        let check = consulta(&["--db", db, "check"]);
        assert!(check.status.success(), "{}", stderr(&check));
        let out = stdout(&check);
        out.split("Root ").nth(1).and_then(|rest| rest.get(..64)).expect("a root").to_owned()
    };
    let source_root = root(db);

    let url = pg.db.to_str().expect("URL");
    let moved = consulta(&["migrate", "--from", db, "--to", url]);
    assert!(moved.status.success(), "{}", stderr(&moved));
    assert!(
        stdout(&moved).contains("138 contributions and 10 statements put to the vote, each in the log"),
        "{}",
        stdout(&moved)
    );
    assert!(stdout(&moved).contains(&source_root), "{}", stdout(&moved));
    assert_eq!(stdout(&table(url)), before, "the same distribution table from PostgreSQL");
    assert_eq!(root(url), source_root);

    // And back, to a new SQLite file; a database that holds a record is never a target.
    let back = ws.dir.path().join("back.db");
    let back = back.to_str().expect("path");
    let returned = consulta(&["migrate", "--from", url, "--to", back]);
    assert!(returned.status.success(), "{}", stderr(&returned));
    assert_eq!(stdout(&table(back)), before);
    assert_eq!(root(back), source_root);
    for target in [url, back] {
        let refused = consulta(&["migrate", "--from", db, "--to", target]);
        assert!(!refused.status.success());
        assert!(stderr(&refused).contains("already holds a record"), "{}", stderr(&refused));
    }
    assert_eq!(stdout(&table(url)), before, "a refused migration changes nothing");
}
