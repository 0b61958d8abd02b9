//! The public archive end to end: search over what the API received, open data downloads, the
//! bulk archive checked by `consulta verify-archive`, withholding, and an index rebuilt from
//! scratch that answers as the live one did.

use std::time::{Duration, Instant};

use crate::common::{App, Workspace, spawn_serve, stderr, stdout};
use reqwest::StatusCode;
use reqwest::multipart::{Form, Part};
use serde_json::Value;

const FRENCH_BODY: &str = "Il faut renforcer la coopération entre les gouvernements et les autres parties prenantes.";

async fn submit(app: &App, entity: &str, language: &str, title: &str, body: &str, file: Option<(&str, &[u8])>) -> i64 {
    let mut form = Form::new()
        .text("entity", entity.to_owned())
        .text("stakeholder_group", "civil_society")
        .text("country", "SN")
        .text("email", "contact@example.org")
        .text("language", language.to_owned())
        .text("title", title.to_owned())
        .text("body", body.to_owned());
    if let Some((name, bytes)) = file {
        form = form.part(
            "files",
            Part::bytes(bytes.to_vec()).file_name(name.to_owned()).mime_str("text/plain").expect("mime"),
        );
    }
    let response = reqwest::Client::new()
        .post(format!("{}/api/v1/consultations/open/contributions", app.url))
        .multipart(form)
        .send()
        .await
        .expect("the server answers");
    assert_eq!(response.status(), StatusCode::CREATED);
    let receipt: Value = response.json().await.expect("JSON");
    receipt["id"].as_i64().expect("an id")
}

async fn search(app: &App, query: &str) -> Value {
    let response = reqwest::Client::new()
        .get(format!("{}/api/v1/search", app.url))
        .query(&[("q", query)])
        .send()
        .await
        .expect("the server answers");
    assert_eq!(response.status(), StatusCode::OK);
    response.json().await.expect("JSON")
}

fn ids(results: &Value) -> Vec<i64> {
    let mut ids: Vec<i64> =
        results["results"].as_array().expect("results").iter().filter_map(|r| r["id"].as_i64()).collect();
    ids.sort();
    ids
}

/// Searches until the results are `expected` (the index catches up in the background).
async fn eventually_found(app: &App, query: &str, expected: &[i64]) -> Value {
    let deadline = Instant::now() + Duration::from_secs(15);
    loop {
        let results = search(app, query).await;
        if ids(&results) == expected {
            return results;
        }
        assert!(Instant::now() < deadline, "{query}: {results:#}, expected {expected:?}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

async fn download(app: &App, file: &str) -> (StatusCode, String, Vec<u8>) {
    let response = reqwest::get(format!("{}/consultations/open/{file}", app.url)).await.expect("the server answers");
    let status = response.status();
    let kind = response.headers().get("content-type").map(|v| v.to_str().unwrap_or_default().to_owned());
    (status, kind.unwrap_or_default(), response.bytes().await.expect("a body").to_vec())
}

#[tokio::test]
async fn contributions_are_searchable_in_their_language_and_withheld_ones_vanish_everywhere() {
    let ws = Workspace::new();
    ws.create_open_consultation("open");
    let app = spawn_serve(&ws.db);
    let annex: &[u8] = "Annexe : le multilinguisme numérique.".as_bytes();
    let french =
        submit(&app, "Example Réseau Sénégal", "fr", "Coopération", FRENCH_BODY, Some(("annexe.txt", annex))).await;
    let english =
        submit(&app, "Example Society", "en", "Spam", "Enhanced cooperation must include civil society.", None).await;
    let chinese = submit(&app, "Example Institute", "zh", "合作", "我们支持加强互联网治理方面的国际合作", None).await;
    let arabic =
        submit(&app, "Example League", "ar", "تعاون", "يجب تعزيز التعاون الدولي في مجال أمن الإنترنت", None).await;

    let found = eventually_found(&app, "coopération renforcée", &[french]).await;
    let hit = &found["results"][0];
    assert_eq!(hit["entity_name"], "Example Réseau Sénégal");
    assert_eq!(hit["stakeholder_group"], "civil_society");
    assert!(hit["snippet_html"].as_str().expect("snippet").contains("<b>renforcer</b>"), "{hit}");
    eventually_found(&app, "multilinguisme", &[french]).await;
    eventually_found(&app, "互联网", &[chinese]).await;
    eventually_found(&app, "الإنترنت", &[arabic]).await;
    let all = eventually_found(&app, "", &[french, english, chinese, arabic]).await;
    assert_eq!(all["facets"]["language"].as_array().expect("languages").len(), 4);
    assert_eq!(all["facets"]["country"], serde_json::json!([{ "value": "SN", "count": 4 }]));
    assert_eq!(all["facets"]["region"], serde_json::json!([{ "value": "african", "count": 4 }]));

    let page = reqwest::get(format!("{}/search?q=coop%C3%A9ration&language=fr", app.url)).await.expect("page");
    assert_eq!(page.status(), StatusCode::OK);
    let html = page.text().await.expect("HTML");
    assert!(html.contains(&format!("href=\"/contributions/{french}\"")), "{html}");
    assert!(!html.contains(&format!("href=\"/contributions/{english}\"")));
    assert!(html.contains("href=\"/search?q=coop%C3%A9ration\""), "the active filter can be removed");
    assert!(!html.contains("<script"));
    let bad = reqwest::get(format!("{}/api/v1/search?sort=sideways", app.url)).await.expect("answer");
    assert_eq!(bad.status(), StatusCode::BAD_REQUEST);

    let (status, kind, csv) = download(&app, "contributions.csv").await;
    assert_eq!((status, kind.as_str()), (StatusCode::OK, "text/csv; charset=utf-8"));
    assert!(String::from_utf8_lossy(&csv).contains(FRENCH_BODY));

    let withheld = ws.run(&["contribution", "withhold", &french.to_string(), "--reason", "personal data"]);
    assert!(withheld.status.success(), "{}", stderr(&withheld));
    eventually_found(&app, "coopération", &[english]).await;
    eventually_found(&app, "multilinguisme", &[]).await;
    for file in ["contributions.csv", "contributions.json", "entities.csv", "entities.popolo.json", "feed.atom"] {
        let (status, _, bytes) = download(&app, file).await;
        assert_eq!(status, StatusCode::OK, "{file}");
        let text = String::from_utf8(bytes).expect("UTF-8");
        assert!(!text.contains("renforcer") && !text.contains("Réseau Sénégal"), "{file} shows withheld content");
        if file.starts_with("contributions") {
            assert!(text.contains("personal data"), "{file} keeps the withheld entry");
        }
    }

    let (status, kind, zip) = download(&app, "archive.zip").await;
    assert_eq!((status, kind.as_str()), (StatusCode::OK, "application/zip"));
    let path = ws.write("archive.zip", &zip);
    let verified = ws.run(&["verify-archive", path.to_str().expect("path")]);
    assert!(verified.status.success(), "{}", stderr(&verified));
    assert!(stdout(&verified).contains("4 contributions (1 withheld"), "{}", stdout(&verified));
    let mut tampered = zip.clone();
    let at = tampered.windows(7).position(|w| w == b"Enhanced").unwrap_or(100);
    tampered[at] ^= 0x20;
    let path = ws.write("tampered.zip", &tampered);
    let refused = ws.run(&["verify-archive", path.to_str().expect("path")]);
    assert!(!refused.status.success());
    assert!(stderr(&refused).contains("does not verify"), "{}", stderr(&refused));

    // The command line writes the same files.
    let exported = ws.run(&["export", "entities.csv", "--consultation", "open"]);
    assert!(exported.status.success(), "{}", stderr(&exported));
    assert!(stdout(&exported).starts_with("id,name,stakeholder_group"));
    let unknown = ws.run(&["export", "everything.xls", "--consultation", "open"]);
    assert!(!unknown.status.success());
    assert!(stderr(&unknown).contains("contributions.csv, contributions.json"), "{}", stderr(&unknown));
}

#[tokio::test]
async fn an_index_rebuilt_from_scratch_answers_as_the_live_one() {
    let ws = Workspace::new();
    ws.create_open_consultation("open");
    let app = spawn_serve(&ws.db);
    let mut all = Vec::new();
    for (i, (language, body)) in [
        ("fr", FRENCH_BODY),
        ("en", "Enhanced cooperation on spam and cybercrime."),
        ("es", "La cooperación reforzada sobre la seguridad."),
        ("ru", "Сотрудничество в области безопасности интернета."),
        ("zh", "加强互联网治理合作"),
    ]
    .into_iter()
    .enumerate()
    {
        all.push(submit(&app, &format!("Example Entity {i}"), language, "Title", body, None).await);
    }
    eventually_found(&app, "", &all).await;
    let queries = ["coopération", "cooperation", "\"enhanced cooperation\"", "互联网", "безопасность", "-spam", ""];
    let mut live = Vec::new();
    for query in queries {
        let mut results = search(&app, query).await;
        results["results"] = serde_json::json!(ids(&results));
        live.push(results);
    }

    let busy = ws.run(&["index", "rebuild"]);
    assert!(!busy.status.success(), "the server holds the index");
    assert!(stderr(&busy).contains("is using the search index"), "{}", stderr(&busy));
    drop(app);

    let rebuilt = ws.run(&["index", "rebuild"]);
    assert!(rebuilt.status.success(), "{}", stderr(&rebuilt));
    assert!(stdout(&rebuilt).contains("Indexed 5 published contributions"), "{}", stdout(&rebuilt));
    let app = spawn_serve(&ws.db);
    for (query, expected) in queries.iter().zip(&live) {
        let mut results = search(&app, query).await;
        results["results"] = serde_json::json!(ids(&results));
        assert_eq!(&results, expected, "{query}");
    }
}
