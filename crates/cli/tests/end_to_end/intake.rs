//! Intake through the API, end to end: submissions with attachments, receipts, idempotency, bad
//! input, and receipts checked with `consulta verify` before and after tampering.

use crate::common;

use crate::common::{App, CONSULTA, Workspace, post_contribution, spawn_serve, stderr, stdout};
use reqwest::StatusCode;
use reqwest::multipart::{Form, Part};
use serde_json::Value;

const PDF: &[u8] = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";
const PNG: &[u8] =
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89";
const DOCX: &[u8] = b"PK\x03\x04\x14\x00\x06\x00word/document.xml<w:document>Example</w:document>";

/// An instance with an open consultation (`open`) and a closed one (`closed`).
fn instance() -> (Workspace, App) {
    let ws = Workspace::new();
    ws.create_open_consultation("open");
    ws.create_consultation("closed", "2010-09-01", "2010-12-31");
    let app = spawn_serve(&ws.db);
    (ws, app)
}

fn form() -> Form {
    form_from("Example Network for Digital Rights", "civil_society")
}

fn form_from(entity: &str, group: &str) -> Form {
    Form::new()
        .text("entity", entity.to_owned())
        .text("stakeholder_group", group.to_owned())
        .text("country", "KE")
        .text("email", "contact@example.org")
        .text("language", "en")
        .text("title", "Example: views on multilingualism")
        .text("body", "Example text, invented for a test.")
}

fn with_files(form: Form) -> Form {
    form.part("files", Part::bytes(PDF).file_name("views.pdf").mime_str("application/pdf").expect("mime"))
        .part(
            "files",
            Part::bytes(DOCX)
                .file_name("annex.docx")
                .mime_str("application/vnd.openxmlformats-officedocument.wordprocessingml.document")
                .expect("mime"),
        )
        .part("files", Part::bytes(PNG).file_name("chart.png").mime_str("image/png").expect("mime"))
}

async fn contribution_count(app: &App) -> u64 {
    let head: Value =
        reqwest::get(format!("{}/api/v1/log/tree-head", app.url)).await.expect("answer").json().await.expect("JSON");
    head["tree_size"].as_u64().expect("a size")
}

fn verify(ws: &Workspace, app: &App, receipt: &Value) -> std::process::Output {
    let path = ws.write("receipt.json", receipt.to_string().as_bytes());
    std::process::Command::new(CONSULTA)
        .args(["verify", path.to_str().expect("path"), "--server", &app.url])
        .env("CONSULTA_LANG", "en")
        .output()
        .expect("consulta verify runs")
}

#[tokio::test]
async fn a_submission_with_three_files_round_trips_byte_for_byte_and_verifies() {
    let (ws, app) = instance();
    let (status, receipt) = post_contribution(&app, "open", with_files(form()), None).await;
    assert_eq!(status, StatusCode::CREATED, "{receipt}");
    let id = receipt["id"].as_i64().expect("an id");
    assert_eq!(receipt["files"].as_array().map(Vec::len), Some(3));
    assert_eq!(receipt["files"][0]["name"], "views.pdf");
    assert_eq!(receipt["files"][0]["size"], PDF.len());
    assert_eq!(receipt["log"]["leaf_index"], 0);
    for (position, bytes, media_type) in [
        (0, PDF, "application/pdf"),
        (1, DOCX, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        (2, PNG, "image/png"),
    ] {
        let response = reqwest::get(format!("{}/contributions/{id}/files/{position}", app.url)).await.expect("answer");
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(response.headers()["content-type"], media_type);
        assert_eq!(response.bytes().await.expect("bytes").as_ref(), bytes, "file {position} comes back as sent");
    }
    // A second contribution grows the log; the first receipt still verifies through consistency.
    let (status, _) =
        post_contribution(&app, "open", form_from("Example Telecom Operators Association", "private_sector"), None)
            .await;
    assert_eq!(status, StatusCode::CREATED);
    assert_eq!(contribution_count(&app).await, 2);
    let output = verify(&ws, &app, &receipt);
    assert!(output.status.success(), "{}{}", stdout(&output), stderr(&output));
    assert!(
        stdout(&output).contains(&format!("Contribution {id} is in the public record, unchanged")),
        "{}",
        stdout(&output)
    );
    assert!(stdout(&output).contains("is entry 0 of the public log"), "no raw placeholder: {}", stdout(&output));
}

#[tokio::test]
async fn the_same_idempotency_key_gives_one_contribution_and_the_same_receipt() {
    let (ws, app) = instance();
    let (first_status, first) = post_contribution(&app, "open", with_files(form()), Some("retry-7f3a")).await;
    let (second_status, second) = post_contribution(&app, "open", with_files(form()), Some("retry-7f3a")).await;
    assert_eq!((first_status, second_status), (StatusCode::CREATED, StatusCode::OK));
    for field in ["id", "received_at", "sha256", "files"] {
        assert_eq!(first[field], second[field], "{field}");
    }
    assert_eq!(contribution_count(&app).await, 1);
    // The same key and fields sent to another consultation are another request.
    ws.create_open_consultation("other");
    let (status, elsewhere) = post_contribution(&app, "other", with_files(form()), Some("retry-7f3a")).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{elsewhere}");
    assert_eq!(elsewhere["error"], "idempotency_conflict");
    let (status, error) = post_contribution(&app, "open", form().text("country", "FR"), Some("retry-7f3a")).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{error}");
    assert_eq!(error["error"], "idempotency_conflict");
    assert_eq!(contribution_count(&app).await, 1);
}

#[tokio::test]
async fn bad_input_is_refused_with_its_reason_and_leaves_the_store_unchanged() {
    let (_ws, app) = instance();
    let missing =
        Form::new().text("entity", "Example").text("stakeholder_group", "civil_society").text("language", "en");
    let (status, error) = post_contribution(&app, "open", missing, None).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(error["error"], "invalid_fields");
    assert_eq!(error["fields"], serde_json::json!(["email", "title", "body"]));
    assert!(error["message"].as_str().expect("a message").contains("Contact email: this field is required"), "{error}");

    let (status, error) = post_contribution(&app, "open", form().text("email", "not-an-address"), None).await;
    assert_eq!((status, error["fields"].clone()), (StatusCode::BAD_REQUEST, serde_json::json!(["email"])));

    let mut eleven = form();
    for i in 0..11 {
        eleven = eleven.part("files", Part::bytes(vec![b'x'; 10]).file_name(format!("f{i}.txt")));
    }
    let (status, error) = post_contribution(&app, "open", eleven, None).await;
    assert_eq!((status, error["error"].as_str()), (StatusCode::PAYLOAD_TOO_LARGE, Some("too_many_files")));

    let big = form().part("files", Part::bytes(vec![0u8; 25 * 1024 * 1024 + 1]).file_name("big.pdf"));
    let (status, error) = post_contribution(&app, "open", big, None).await;
    assert_eq!((status, error["error"].as_str()), (StatusCode::PAYLOAD_TOO_LARGE, Some("file_too_large")));
    assert!(error["message"].as_str().expect("message").contains("big.pdf"));

    let (status, error) = post_contribution(&app, "open", form().text("colour", "blue"), None).await;
    assert_eq!((status, error["error"].as_str()), (StatusCode::BAD_REQUEST, Some("unknown_field")));

    let malformed = reqwest::Client::new()
        .post(format!("{}/api/v1/consultations/open/contributions", app.url))
        .header("Content-Type", "multipart/form-data; boundary=XYZ")
        .body("--XYZ\r\nContent-Disposition: form-data; name=\"entity\"\r\n\r\nunterminated")
        .send()
        .await
        .expect("answer");
    assert_eq!(malformed.status(), StatusCode::BAD_REQUEST);
    let error: Value = malformed.json().await.expect("JSON");
    assert_eq!(error["error"], "malformed_multipart");

    let (status, error) = post_contribution(&app, "nope", form(), None).await;
    assert_eq!((status, error["error"].as_str()), (StatusCode::NOT_FOUND, Some("not_found")));

    let (status, error) = post_contribution(&app, "closed", form(), None).await;
    assert_eq!((status, error["error"].as_str()), (StatusCode::FORBIDDEN, Some("consultation_closed")));

    let french = reqwest::Client::new()
        .post(format!("{}/api/v1/consultations/closed/contributions", app.url))
        .header("Accept-Language", "fr")
        .multipart(form())
        .send()
        .await
        .expect("answer");
    let error: Value = french.json().await.expect("JSON");
    assert_eq!(error["message"], "Cette consultation est close et n’accepte plus de contributions.");

    assert_eq!(contribution_count(&app).await, 0, "nothing half-written");
}

#[tokio::test]
async fn a_tampered_record_fails_verification() {
    let (ws, app) = instance();
    let (_, receipt) = post_contribution(&app, "open", form(), None).await;
    let id = receipt["id"].as_i64().expect("id");
    assert!(verify(&ws, &app, &receipt).status.success());

    let connection = rusqlite::Connection::open(&ws.db).expect("open the database");
    connection.execute("UPDATE contributions SET body = 'Altered text' WHERE id = ?1", [id]).expect("tamper");
    let output = verify(&ws, &app, &receipt);
    assert!(!output.status.success());
    assert!(
        stderr(&output).contains(&format!("The published record of contribution {id} is not the one")),
        "{}",
        stderr(&output)
    );

    let mut forged = receipt.clone();
    forged["sha256"] = Value::String("0".repeat(64));
    let output = verify(&ws, &app, &forged);
    assert!(!output.status.success());
    assert!(stderr(&output).contains("The receipt does not hold together"), "{}", stderr(&output));
}

#[tokio::test]
async fn proofs_are_served_for_any_two_sizes() {
    let (_ws, app) = instance();
    for i in 0..5 {
        let (status, _) =
            post_contribution(&app, "open", form_from(&format!("Example Organisation {i}"), "academic"), None).await;
        assert_eq!(status, StatusCode::CREATED);
    }
    let consistency: Value = reqwest::get(format!("{}/api/v1/log/consistency?from=3&to=5", app.url))
        .await
        .expect("answer")
        .json()
        .await
        .expect("JSON");
    assert!(!consistency["consistency_proof"].as_array().expect("a proof").is_empty());
    let beyond = reqwest::get(format!("{}/api/v1/log/consistency?from=3&to=9", app.url)).await.expect("answer");
    assert_eq!(beyond.status(), StatusCode::BAD_REQUEST);
    let bad =
        reqwest::get(format!("{}/api/v1/log/inclusion?contribution=x&tree_size=5", app.url)).await.expect("answer");
    assert_eq!(bad.status(), StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn the_web_form_records_and_redirects_to_the_receipt_or_keeps_what_was_typed() {
    let (_ws, app) = instance();
    let client = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().expect("client");
    let page =
        client.get(format!("{}/consultations/open", app.url)).send().await.expect("answer").text().await.expect("body");
    assert!(page.contains("enctype=\"multipart/form-data\""), "an open consultation shows the form");
    let closed = client
        .get(format!("{}/consultations/closed", app.url))
        .send()
        .await
        .expect("answer")
        .text()
        .await
        .expect("body");
    assert!(!closed.contains("enctype=\"multipart/form-data\""), "a closed one does not");

    let response = client
        .post(format!("{}/consultations/open/contribute", app.url))
        .multipart(with_files(form()))
        .send()
        .await
        .expect("answer");
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let location = response.headers()["location"].to_str().expect("ascii").to_owned();
    assert!(location.starts_with("/contributions/1/receipt"), "{location}");
    let receipt =
        client.get(format!("{}{location}", app.url)).header("Accept-Language", "en").send().await.expect("answer");
    let receipt = receipt.text().await.expect("body");
    assert!(receipt.contains("Your contribution has been recorded."));
    assert!(receipt.contains("views.pdf") && receipt.contains("chart.png"));
    let contribution =
        client.get(format!("{}/contributions/1", app.url)).send().await.expect("answer").text().await.expect("body");
    assert!(contribution.contains("Identity not verified"));
    assert!(contribution.contains("href=\"/contributions/1/files/0\""));

    let refused = client
        .post(format!("{}/consultations/open/contribute", app.url))
        .header("Accept-Language", "fr")
        .multipart(form().text("email", "pas-une-adresse").text("body", "Mon texte à garder"))
        .send()
        .await
        .expect("answer");
    assert_eq!(refused.status(), StatusCode::BAD_REQUEST);
    let html = refused.text().await.expect("body");
    assert!(html.contains("Mon texte à garder"), "the form keeps what was typed");
    assert!(html.contains("Adresse électronique de contact : « pas-une-adresse » n’est pas une adresse électronique."));
    assert!(html.contains("aria-invalid=\"true\""));

    let late = client
        .post(format!("{}/consultations/closed/contribute", app.url))
        .multipart(form())
        .send()
        .await
        .expect("answer");
    assert_eq!(late.status(), StatusCode::FORBIDDEN);
    assert!(late.text().await.expect("body").contains("This consultation is closed"));
    assert_eq!(contribution_count(&app).await, 1);
}

/// The `value` of every `name="kept"` checkbox in a form.
fn kept_tokens(html: &str) -> Vec<String> {
    html.split("name=\"kept\" value=\"")
        .skip(1)
        .map(|rest| rest[..rest.find('"').expect("the value ends")].to_owned())
        .collect()
}

#[tokio::test]
async fn a_refused_form_keeps_its_files_and_a_government_names_its_country() {
    let (_ws, app) = instance();
    let client = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().expect("client");
    let contribute = format!("{}/consultations/open/contribute", app.url);
    // A government that gives no country is refused, with what it sent kept.
    let refused = client
        .post(&contribute)
        .multipart(with_files(form_from("Ministry of Examples", "government").text("country", "")))
        .send()
        .await
        .expect("answer");
    assert_eq!(refused.status(), StatusCode::BAD_REQUEST);
    let html = refused.text().await.expect("body");
    assert!(html.contains("a government names its country"), "{html}");
    assert!(html.contains("The 3 files you sent are kept below"), "{html}");
    let tokens = kept_tokens(&html);
    assert_eq!(tokens.len(), 3, "{html}");
    // "International" is a choice of its own, refused for a government too.
    let (status, error) = post_contribution(
        &app,
        "open",
        form_from("Ministry of Examples", "government").text("country", "international"),
        None,
    )
    .await;
    assert_eq!((status, error["fields"].clone()), (StatusCode::BAD_REQUEST, serde_json::json!(["country"])), "{error}");

    // Sent again with the country and the kept files only (two of them: one unticked).
    let mut again = form_from("Ministry of Examples", "government").text("country", "SN");
    for token in &tokens[..2] {
        again = again.text("kept", token.clone());
    }
    let recorded = client.post(&contribute).multipart(again).send().await.expect("answer");
    assert_eq!(recorded.status(), StatusCode::SEE_OTHER);
    let receipt: Value = reqwest::get(format!("{}/contributions/1/receipt.json", app.url))
        .await
        .expect("answer")
        .json()
        .await
        .expect("JSON");
    let files: Vec<&str> =
        receipt["files"].as_array().expect("files").iter().filter_map(|f| f["name"].as_str()).collect();
    assert_eq!(files, ["views.pdf", "annex.docx"]);
    let download = reqwest::get(format!("{}/contributions/1/receipt.json", app.url)).await.expect("answer");
    assert_eq!(download.headers()["content-disposition"], "attachment; filename=\"receipt-1.json\"");

    // A token altered (or expired) is refused with a word to choose the file again; nothing is
    // recorded.
    let forged = tokens[2].replacen(|c: char| c.is_ascii_digit(), "9", 1);
    let refused = client.post(&contribute).multipart(form().text("kept", forged)).send().await.expect("answer");
    assert_eq!(refused.status(), StatusCode::BAD_REQUEST);
    assert!(refused.text().await.expect("body").contains("please choose it again"));
    assert_eq!(contribution_count(&app).await, 1);
}

#[tokio::test]
async fn a_withheld_contribution_says_why_and_stays_verifiable() {
    let (ws, app) = instance();
    let (_, receipt) =
        post_contribution(&app, "open", with_files(form().text("title", "A title with personal data")), None).await;
    let id = receipt["id"].as_i64().expect("id").to_string();
    let withheld = ws.run(&["contribution", "withhold", &id, "--reason", "it contains personal data"]);
    assert!(withheld.status.success(), "{}", stderr(&withheld));

    let page =
        reqwest::get(format!("{}/contributions/{id}", app.url)).await.expect("answer").text().await.expect("body");
    assert!(page.contains("The secretariat withholds this contribution from publication: it contains personal data."));
    assert!(
        !page.contains("A title with personal data") && !page.contains("Example text, invented"),
        "nothing of it shows"
    );
    let list =
        reqwest::get(format!("{}/consultations/open", app.url)).await.expect("answer").text().await.expect("body");
    assert!(list.contains("Withheld contribution") && !list.contains("A title with personal data"));
    let record = reqwest::get(format!("{}/api/v1/contributions/{id}/record", app.url)).await.expect("answer");
    assert_eq!(record.status(), StatusCode::GONE);
    let file = reqwest::get(format!("{}/contributions/{id}/files/0", app.url)).await.expect("answer");
    assert_eq!(file.status(), StatusCode::GONE);

    let output = verify(&ws, &app, &receipt);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        stdout(&output).contains("withholds its text from publication: it contains personal data"),
        "{}",
        stdout(&output)
    );

    assert!(ws.run(&["contribution", "publish", &id]).status.success());
    let record = reqwest::get(format!("{}/api/v1/contributions/{id}/record", app.url)).await.expect("answer");
    assert_eq!(record.status(), StatusCode::OK);
    assert!(!ws.run(&["contribution", "withhold", "999", "--reason", "x"]).status.success());
}

#[tokio::test]
async fn the_text_of_attachments_is_extracted_in_the_background_and_every_file_is_kept() {
    use consulta_testkit::samples::{docx_with, odt_with, pdf_with_text};
    let (_ws, app) = instance();
    let files: Vec<(&str, &str, Vec<u8>, Option<&str>)> = vec![
        (
            "views.pdf",
            "application/pdf",
            pdf_with_text("Enhanced cooperation on spam"),
            Some("Enhanced cooperation on spam"),
        ),
        (
            "annex.docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            docx_with(&["Renforcer la coop&#233;ration"]),
            Some("Renforcer la coopération"),
        ),
        ("note.odt", "application/vnd.oasis.opendocument.text", odt_with(&["Multilinguisme"]), Some("Multilinguisme")),
        (
            "page.html",
            "text/html",
            b"<p>Acc&egrave;s <b>abordable</b></p><script>x()</script>".to_vec(),
            Some("Accès abordable"),
        ),
        ("plain.txt", "text/plain", "Sécurité".as_bytes().to_vec(), Some("Sécurité")),
        ("chart.png", "image/png", PNG.to_vec(), None),
        ("broken.pdf", "application/pdf", b"%PDF-1.4 broken".to_vec(), None),
    ];
    let mut submission = form();
    for (name, media_type, bytes, _) in &files {
        submission = submission
            .part("files", Part::bytes(bytes.clone()).file_name(name.to_string()).mime_str(media_type).expect("mime"));
    }
    let (status, receipt) = post_contribution(&app, "open", submission, None).await;
    assert_eq!(status, StatusCode::CREATED, "{receipt}");
    let id = receipt["id"].as_i64().expect("id");

    for (position, (name, _, bytes, expected)) in files.iter().enumerate() {
        let outcome = common::extraction(&app, id, position, std::time::Duration::from_secs(20)).await;
        assert_ne!(outcome["status"], "pending", "{name}");
        match expected {
            Some(text) => {
                assert_eq!(outcome["status"], "done", "{name}: {outcome}");
                assert!(outcome["text"].as_str().expect("text").contains(text), "{name}: {outcome}");
            }
            None if *name == "chart.png" => assert_eq!(outcome["status"], "unsupported"),
            None => assert_eq!(outcome["status"], "failed", "{name}: {outcome}"),
        }
        let served = reqwest::get(format!("{}/contributions/{id}/files/{position}", app.url)).await.expect("answer");
        assert_eq!(
            served.headers()["content-security-policy"],
            "sandbox; default-src 'none'",
            "{name} cannot run on the site"
        );
        assert!(served.headers()["content-disposition"].to_str().expect("ascii").starts_with("attachment;"));
        assert_eq!(served.bytes().await.expect("bytes").as_ref(), &bytes[..], "{name} is served as it came");
    }
}

#[tokio::test]
async fn the_attachment_limits_are_configurable() {
    let (ws, app) = instance();
    drop(app);
    let app = common::spawn_serve_with(&ws.db, &["--max-files", "2", "--max-file-mib", "1"]);
    let (status, error) = post_contribution(&app, "open", with_files(form()), None).await;
    assert_eq!((status, error["error"].as_str()), (StatusCode::PAYLOAD_TOO_LARGE, Some("too_many_files")));
    assert!(error["message"].as_str().expect("message").contains("At most 2 files"));
    let big = form().part("files", Part::bytes(vec![0u8; 1024 * 1024 + 1]).file_name("big.pdf"));
    let (status, error) = post_contribution(&app, "open", big, None).await;
    assert_eq!((status, error["error"].as_str()), (StatusCode::PAYLOAD_TOO_LARGE, Some("file_too_large")));
    assert!(error["message"].as_str().expect("message").contains("1.0 MiB"), "{error}");
    let page =
        reqwest::get(format!("{}/consultations/open", app.url)).await.expect("answer").text().await.expect("body");
    assert!(page.contains("up to 2 files of 1.0 MiB each"));

    // A text over 1 MiB is refused as a field; a field far longer than any valid value is refused
    // as soon as it passes that, before it is read to the end.
    let (status, error) = post_contribution(&app, "open", form().text("body", "x".repeat(1024 * 1024 + 1)), None).await;
    assert_eq!((status, error["fields"].clone()), (StatusCode::BAD_REQUEST, serde_json::json!(["body"])));
    let (status, error) = post_contribution(&app, "open", form().text("body", "x".repeat(7 * 1024 * 1024)), None).await;
    assert_eq!((status, error["error"].as_str()), (StatusCode::PAYLOAD_TOO_LARGE, Some("field_too_large")), "{error}");
    assert_eq!(error["fields"], serde_json::json!(["body"]));
    assert_eq!(contribution_count(&app).await, 0);
}
