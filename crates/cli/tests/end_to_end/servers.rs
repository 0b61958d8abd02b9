//! Two servers on one database: contributions sent to both at once make one consistent log (no
//! leaf given twice, none lost), and each server's own search index holds what the other
//! received, caught up from the store's change feed.

use crate::common;

use std::collections::BTreeSet;
use std::time::{Duration, Instant};

use crate::common::{Workspace, spawn_serve_with};
use reqwest::multipart::Form;
use serde_json::Value;

const PER_SERVER: usize = 40;

async fn submit(url: String, word: &'static str) -> Vec<u64> {
    let client = reqwest::Client::new();
    let mut leaves = Vec::new();
    // Four at a time, so the two servers' committers contend for the database.
    for batch in 0..PER_SERVER / 4 {
        let requests: Vec<_> = (0..4)
            .map(|k| {
                let form = Form::new()
                    .text("entity", format!("Example Organisation {}", batch * 4 + k))
                    .text("stakeholder_group", "civil_society")
                    .text("email", "contact@example.org")
                    .text("language", "en")
                    .text("title", format!("Example contribution {batch}-{k}"))
                    .text("body", format!("Example text, invented for a test, sent through {word}."));
                let request = client.post(format!("{url}/api/v1/consultations/open/contributions")).multipart(form);
                tokio::spawn(request.send())
            })
            .collect();
        for request in requests {
            let response = request.await.expect("the request ran").expect("the server answers");
            assert!(response.status().is_success(), "{}", response.status());
            let receipt: Value = response.json().await.expect("a receipt");
            leaves.push(receipt["log"]["leaf_index"].as_u64().expect("a leaf index"));
        }
    }
    leaves
}

async fn search_total(url: &str, word: &str) -> u64 {
    let answer: Value =
        reqwest::get(format!("{url}/api/v1/search?q={word}")).await.expect("answer").json().await.expect("JSON");
    answer["total"].as_u64().unwrap_or(0)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_servers_on_one_sqlite_file_keep_one_log_and_search_each_others_contributions() {
    two_servers_keep_one_log_and_search_each_others_contributions(Workspace::new()).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_servers_on_one_postgresql_keep_one_log_and_search_each_others_contributions() {
    let Some(ws) = Workspace::postgres() else { return };
    two_servers_keep_one_log_and_search_each_others_contributions(ws).await;
}

async fn two_servers_keep_one_log_and_search_each_others_contributions(ws: Workspace) {
    ws.create_open_consultation("open");
    let index_a = ws.dir.path().join("index-a");
    let index_b = ws.dir.path().join("index-b");
    let files = ws.files();
    // Both servers sign with the instance's one key file; each journals the heads it signs.
    let options = |index: &std::path::Path| {
        let mut options = vec!["--files".to_owned(), files.clone(), "--index".to_owned(), index.display().to_string()];
        options.extend(ws.log_options());
        options
    };
    let (options_a, options_b) = (options(&index_a), options(&index_b));
    let a = spawn_serve_with(&ws.db, &options_a.iter().map(String::as_str).collect::<Vec<_>>());
    let b = spawn_serve_with(&ws.db, &options_b.iter().map(String::as_str).collect::<Vec<_>>());

    let (from_a, from_b) = tokio::join!(submit(a.url.clone(), "aurelianthus"), submit(b.url.clone(), "borealisquill"));
    let leaves: BTreeSet<u64> = from_a.iter().chain(&from_b).copied().collect();
    let all = 2 * PER_SERVER as u64;
    assert_eq!(leaves, (0..all).collect(), "every receipt has its own leaf, none skipped");

    // Both servers show the same log, and the record checks out contribution by contribution.
    for app in [&a, &b] {
        let head: Value = reqwest::get(format!("{}/api/v1/log/tree-head", app.url))
            .await
            .expect("answer")
            .json()
            .await
            .expect("JSON");
        assert_eq!(head["tree_size"].as_u64(), Some(all));
    }
    let mut check_args = vec!["--files".to_owned(), files.clone()];
    check_args.extend(ws.log_options());
    check_args.push("check".to_owned());
    let check = ws.run(&check_args.iter().map(String::as_str).collect::<Vec<_>>());
    assert!(check.status.success(), "{}", common::stderr(&check));
    let said = common::stdout(&check);
    assert!(said.starts_with(&format!("{all} contributions checked")), "{said}");
    assert!(said.contains("signed heads of"), "both servers' journalled heads are held against the record: {said}");

    // Each server's index catches up with what the other received.
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let seen = (search_total(&a.url, "borealisquill").await, search_total(&b.url, "aurelianthus").await);
        if seen == (PER_SERVER as u64, PER_SERVER as u64) {
            break;
        }
        assert!(Instant::now() < deadline, "the indexes did not catch up: {seen:?}");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}
