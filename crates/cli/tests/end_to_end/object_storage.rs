//! Attachments in S3-compatible object storage (a real server: moto's), through the blob store
//! and through the whole application: a contribution's file stored in the bucket, served back,
//! backed up and restored.

use crate::common;

use crate::common::{S3Server, Workspace, spawn_serve_with, stderr};
use consulta_blobs::{BlobError, BlobStore, S3Blobs, open};
use consulta_log::sha256;
use reqwest::multipart::{Form, Part};

#[test]
fn blobs_round_trip_through_an_s3_server() {
    let Some(server) = S3Server::start() else { return };
    server.create_bucket("attachments");
    let blobs = open(&server.location("attachments")).expect("open");
    let hash = blobs.put(b"%PDF-1.4 example").expect("put");
    assert_eq!(hash, sha256(b"%PDF-1.4 example"));
    assert_eq!(blobs.put(b"%PDF-1.4 example").expect("put again"), hash, "stored once");
    assert_eq!(blobs.get(&hash).expect("get"), Some(b"%PDF-1.4 example".to_vec()));
    assert_eq!(blobs.get(&sha256(b"absent")).expect("get"), None);

    // A second client (another server) sees the same objects.
    let other = S3Blobs::open(&server.location("attachments")).expect("open");
    assert_eq!(other.get(&hash).expect("get"), Some(b"%PDF-1.4 example".to_vec()));

    // A missing bucket is an error that names the store, not an absent blob; so is a bad location.
    let missing = S3Blobs::open(&server.location("no-such-bucket")).expect("open");
    assert!(matches!(missing.put(b"x"), Err(BlobError::Remote { .. })));
    assert!(matches!(S3Blobs::open("s3://?endpoint=x"), Err(BlobError::Location { .. })));
    assert!(matches!(S3Blobs::open("s3://b?colour=blue"), Err(BlobError::Location { .. })));
}

#[tokio::test]
async fn a_server_keeps_attachments_in_the_bucket_and_backs_them_up() {
    let Some(server) = S3Server::start() else { return };
    server.create_bucket("consulta");
    let location = server.location("consulta");
    let ws = Workspace::new();
    ws.create_open_consultation("open");
    let app = spawn_serve_with(&ws.db, &["--files", &location]);

    let form = Form::new()
        .text("entity", "Example Network for Digital Rights")
        .text("stakeholder_group", "civil_society")
        .text("email", "contact@example.org")
        .text("language", "en")
        .text("title", "Example: views with an annex")
        .text("body", "Example text, invented for a test.")
        .part("files", Part::bytes(b"annex kept in object storage".to_vec()).file_name("annex.txt"));
    let response = reqwest::Client::new()
        .post(format!("{}/api/v1/consultations/open/contributions", app.url))
        .multipart(form)
        .send()
        .await
        .expect("answer");
    assert!(response.status().is_success(), "{}", response.text().await.unwrap_or_default());
    let served = reqwest::get(format!("{}/contributions/1/files/0", app.url)).await.expect("answer");
    assert_eq!(served.bytes().await.expect("bytes").as_ref(), b"annex kept in object storage");
    let bucket = S3Blobs::open(&location).expect("open");
    assert!(bucket.get(&sha256(b"annex kept in object storage")).expect("get").is_some(), "the file is in the bucket");
    assert!(!ws.dir.path().join("consulta-files").exists(), "nothing was written to a local directory");

    // A backup reads the attachments from the bucket; a restore may put them in a directory.
    let backup = ws.dir.path().join("backup");
    let output = ws.run(&["--files", &location, "backup", backup.to_str().expect("path")]);
    assert!(output.status.success(), "{}", stderr(&output));
    let restored = ws.dir.path().join("restored.db");
    let output = std::process::Command::new(common::CONSULTA)
        .arg("--db")
        .arg(&restored)
        .arg("--files")
        .arg(ws.dir.path().join("restored-files"))
        .arg("restore")
        .arg(&backup)
        .env("CONSULTA_LANG", "en")
        .output()
        .expect("consulta runs");
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stderr(&output).contains("one contribution, in the log"), "{}", stderr(&output));
}
