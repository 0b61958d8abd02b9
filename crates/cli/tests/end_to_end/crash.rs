//! Durability: a burst of submissions, the server killed with SIGKILL in the middle, then
//! restarted. Every receipt handed out must verify, with its contribution and file intact;
//! nothing acknowledged may be missing, and the search index catches up with all of it.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use crate::common::{CONSULTA, Workspace, spawn_serve, stderr};
use reqwest::multipart::{Form, Part};
use serde_json::Value;
use tokio::sync::Mutex;

/// Receipts handed out, each with the file its submission carried.
type Acknowledged = Arc<Mutex<Vec<(Value, Vec<u8>)>>>;

const SENDERS: usize = 12;
const PER_SENDER: usize = 60;

fn submission(sender: usize, n: usize) -> (Form, Vec<u8>) {
    let file = format!("attachment of sender {sender}, submission {n}").into_bytes();
    let form = Form::new()
        .text("entity", format!("Example Organisation {sender}"))
        .text("stakeholder_group", "civil_society")
        .text("email", "contact@example.org")
        .text("language", "en")
        .text("title", format!("Example submission {sender}-{n}"))
        .text("body", "Example text, invented for the crash test.")
        .part("files", Part::bytes(file.clone()).file_name("note.txt").mime_str("text/plain").expect("mime"));
    (form, file)
}

#[tokio::test]
async fn every_receipt_handed_out_survives_a_kill_during_a_burst() {
    let ws = Workspace::new();
    ws.create_open_consultation("open");
    let app = spawn_serve(&ws.db);
    let url = app.url.clone();

    let receipts: Acknowledged = Arc::default();
    let acknowledged = Arc::new(AtomicUsize::new(0));
    let mut senders = Vec::new();
    for sender in 0..SENDERS {
        let (receipts, acknowledged, url) = (receipts.clone(), acknowledged.clone(), url.clone());
        senders.push(tokio::spawn(async move {
            let client = reqwest::Client::builder().timeout(Duration::from_secs(10)).build().expect("client");
            for n in 0..PER_SENDER {
                let (form, file) = submission(sender, n);
                let Ok(response) =
                    client.post(format!("{url}/api/v1/consultations/open/contributions")).multipart(form).send().await
                else {
                    return; // The server is gone: nothing more is acknowledged.
                };
                if response.status() != reqwest::StatusCode::CREATED {
                    return;
                }
                let Ok(receipt) = response.json::<Value>().await else { return };
                receipts.lock().await.push((receipt, file));
                acknowledged.fetch_add(1, Ordering::SeqCst);
            }
        }));
    }
    // Kill the server in the middle of the burst.
    let deadline = tokio::time::Instant::now() + Duration::from_secs(60);
    while acknowledged.load(Ordering::SeqCst) < SENDERS * PER_SENDER / 3 {
        assert!(tokio::time::Instant::now() < deadline, "the burst did not get going");
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    drop(app); // SIGKILL
    for sender in senders {
        sender.await.expect("a sender task");
    }
    let receipts = receipts.lock().await.clone();
    assert!(receipts.len() < SENDERS * PER_SENDER, "the kill came before the burst ended");

    let app = spawn_serve(&ws.db);
    let head: Value =
        reqwest::get(format!("{}/api/v1/log/tree-head", app.url)).await.expect("answer").json().await.expect("JSON");
    let size = head["tree_size"].as_u64().expect("size") as usize;
    assert!(size >= receipts.len(), "the log has {size} entries for {} receipts", receipts.len());

    let mut ids: Vec<i64> = receipts.iter().map(|(r, _)| r["id"].as_i64().expect("id")).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), receipts.len(), "no two receipts share a contribution");

    for (receipt, file) in &receipts {
        let id = receipt["id"].as_i64().expect("id");
        let path = ws.write(&format!("receipt-{id}.json"), receipt.to_string().as_bytes());
        let output = std::process::Command::new(CONSULTA)
            .args(["verify", path.to_str().expect("path"), "--server", &app.url])
            .env("CONSULTA_LANG", "en")
            .output()
            .expect("consulta verify runs");
        assert!(output.status.success(), "receipt {id}: {}", stderr(&output));
        let stored = reqwest::get(format!("{}/contributions/{id}/files/0", app.url)).await.expect("answer");
        assert_eq!(stored.bytes().await.expect("bytes").as_ref(), &file[..], "the file of contribution {id}");
    }

    // The search index was killed mid-way too: the restarted server catches it up from the
    // last change it committed, to every contribution in the log, each once.
    let deadline = std::time::Instant::now() + Duration::from_secs(30);
    loop {
        let found: Value = reqwest::get(format!("{}/api/v1/search?q=crash", app.url))
            .await
            .expect("answer")
            .json()
            .await
            .expect("JSON");
        let total = found["total"].as_u64().expect("total") as usize;
        if total == size {
            break;
        }
        assert!(total < size, "the index holds {total} contributions for a log of {size}");
        assert!(std::time::Instant::now() < deadline, "the index holds {total} of {size} after the restart");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    eprintln!(
        "crash test: {} receipts handed out before the kill, all verified and searchable; log of {size} entries",
        receipts.len()
    );
}
