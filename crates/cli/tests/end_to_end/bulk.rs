//! The bulk channel end to end: the secretariat issues an API key to an organisation for one
//! consultation; a batch of NDJSON lines is answered line by line (the good ones recorded, each
//! with a receipt `consulta verify` accepts, the bad ones refused with their number and why);
//! a missing, unknown, revoked or misdirected key is refused, as is a batch past the key's
//! hourly allowance or an empty one.

use reqwest::StatusCode;
use reqwest::header::AUTHORIZATION;

use crate::common::{self, Workspace, stderr, stdout};

const GOOD: &str = r#"{"entity":"Example Resident One","stakeholder_group":"civil_society","country":"KE","email":"one@example.org","language":"en","title":"Example: keep the Internet open","body":"Invented for a test: a comment relayed by a petition platform."}"#;

fn batch(lines: &[&str]) -> String {
    lines.iter().map(|l| format!("{l}\n")).collect()
}

#[tokio::test]
async fn an_organisation_sends_a_batch_with_its_key_and_gets_an_answer_per_line() {
    let ws = Workspace::new();
    ws.create_open_consultation("open");
    ws.create_open_consultation("elsewhere");
    let list = ws.write("list.csv", b"entity,stakeholder_group,country\nExample Petition Platform,civil_society,KE\n");
    assert!(ws.run(&["list", "import", list.to_str().expect("path"), "--list", "wsis"]).status.success());
    let issue = |label: &str, more: &[&str]| {
        let base = ["api-key", "issue", "--consultation", "open", "--entity", "Example Petition Platform"];
        ws.run(&[&base[..], &["--label", label], more].concat())
    };
    let issued = issue("Petitions", &[]);
    assert!(issued.status.success(), "{}", stderr(&issued));
    assert!(stderr(&issued).contains("API key 1 issued to Example Petition Platform for open."), "{}", stderr(&issued));
    let key = stdout(&issued).trim().to_owned();
    assert!(key.starts_with("consulta_") && key.len() > 60, "{key}");
    let unknown_entity =
        ws.run(&["api-key", "issue", "--consultation", "open", "--entity", "Nobody (example)", "--label", "x"]);
    assert!(
        stderr(&unknown_entity).contains("there is no recorded entity Nobody (example)"),
        "{}",
        stderr(&unknown_entity)
    );

    let app = common::spawn_serve(&ws.db);
    let client = reqwest::Client::new();
    let url = |slug: &str| format!("{}/api/v1/consultations/{slug}/contributions:batch", app.url);
    let send = |slug: &str, key: Option<&str>, body: String| {
        let mut request = client.post(url(slug)).header("Accept-Language", "en").body(body);
        if let Some(key) = key {
            request = request.header(AUTHORIZATION, format!("Bearer {key}"));
        }
        async move {
            let response = request.send().await.expect("answer");
            let status = response.status();
            let retry = response.headers().get("retry-after").map(|v| v.to_str().expect("ASCII").to_owned());
            (status, retry, response.json::<serde_json::Value>().await.expect("JSON"))
        }
    };

    let body = batch(&[
        GOOD,
        "{not json",
        "",
        &GOOD.replace("one@example.org", "not an address"),
        &GOOD.replace("Resident One", "Resident Two").replace("one@", "two@"),
    ]);
    let (status, _, answer) = send("open", Some(&key), body).await;
    assert_eq!(status, StatusCode::OK, "{answer}");
    assert_eq!((answer["accepted"].as_u64(), answer["refused"].as_u64()), (Some(2), Some(2)), "{answer}");
    let lines = answer["lines"].as_array().expect("a line each");
    let numbers: Vec<u64> = lines.iter().filter_map(|l| l["line"].as_u64()).collect();
    assert_eq!(numbers, [1, 2, 4, 5], "the blank line 3 is counted, not answered");
    assert_eq!(lines[1]["error"]["code"], "line_not_json");
    assert_eq!(lines[2]["error"]["code"], "invalid_fields");
    assert_eq!(lines[2]["error"]["fields"][0], "email");
    let first = lines[0]["contribution"].as_i64().expect("recorded");
    assert!(answer["signed_tree_head"]["tree_size"].as_u64() >= Some(2));
    // Each accepted line's receipt is retrievable, and checks out against the instance.
    let receipt = reqwest::get(format!("{}/contributions/{first}/receipt.json", app.url))
        .await
        .expect("answer")
        .text()
        .await
        .expect("the receipt");
    let path = ws.write("receipt.json", receipt.as_bytes());
    let verified = ws.run(&["verify", path.to_str().expect("path"), "--server", &app.url]);
    assert!(verified.status.success(), "{}", stdout(&verified));

    // Keys refused: none, unknown, for another consultation; the body then is never read.
    let one = batch(&[GOOD]);
    let (status, _, answer) = send("open", None, one.clone()).await;
    assert_eq!((status, answer["error"].as_str()), (StatusCode::UNAUTHORIZED, Some("api_key_missing")));
    let (status, _, answer) = send("open", Some("consulta_0000"), one.clone()).await;
    assert_eq!((status, answer["error"].as_str()), (StatusCode::UNAUTHORIZED, Some("api_key_unknown")));
    let (status, _, answer) = send("elsewhere", Some(&key), one.clone()).await;
    assert_eq!((status, answer["error"].as_str()), (StatusCode::FORBIDDEN, Some("api_key_other_consultation")));
    let (status, _, answer) = send("open", Some(&key), "\n\n".into()).await;
    assert_eq!((status, answer["error"].as_str()), (StatusCode::BAD_REQUEST, Some("batch_empty")));

    // A key's hourly allowance: a batch that would pass it is refused whole, with when to retry.
    let small = issue("Small", &["--lines-per-hour", "2"]);
    let small = stdout(&small).trim().to_owned();
    let (status, retry, answer) = send("open", Some(&small), batch(&[GOOD, GOOD, GOOD])).await;
    assert_eq!(
        (status, answer["error"].as_str()),
        (StatusCode::TOO_MANY_REQUESTS, Some("allowance_passed")),
        "{answer}"
    );
    assert_eq!(retry.as_deref(), Some("3600"));
    let (status, _, _) = send("open", Some(&small), batch(&[GOOD, GOOD])).await;
    assert_eq!(status, StatusCode::OK, "within the allowance");

    // Revoked, a key is refused from then on.
    let revoked = ws.run(&["api-key", "revoke", "1"]);
    assert!(stdout(&revoked).contains("API key 1 is revoked."), "{}", stdout(&revoked));
    let (status, _, answer) = send("open", Some(&key), one).await;
    assert_eq!((status, answer["error"].as_str()), (StatusCode::UNAUTHORIZED, Some("api_key_revoked")));
    let again = ws.run(&["api-key", "revoke", "1"]);
    assert!(stderr(&again).contains("There is no API key 1 in use."), "{}", stderr(&again));
    let listed = stdout(&ws.run(&["api-key", "list"]));
    assert!(listed.contains("revoked") && listed.contains("Small"), "{listed}");
}

/// The secretariat issues a key on its page (shown once), the key sends a batch, and the page
/// revokes it.
#[tokio::test]
async fn the_secretariat_issues_and_revokes_a_key_on_its_page() {
    let app = common::spawn_demo();
    let secretariat = common::sign_in(&app, "secretariat@demo.example").await;
    let client = common::no_redirects();
    let post = |path: &str, form: Vec<(&str, String)>| {
        let request = client
            .post(format!("{}{path}?lang=en", app.url))
            .header(reqwest::header::COOKIE, secretariat.cookie.clone())
            .form(&form);
        async move {
            let response = request.send().await.expect("answer");
            (response.status(), response.text().await.expect("body"))
        }
    };
    let csrf = secretariat.csrf.clone();
    let (status, page) = post(
        "/admin/api-keys",
        vec![
            ("csrf", csrf.clone()),
            ("consultation", "example-affordable-access".into()),
            ("entity", "Example Rural Connectivity Trust".into()),
            ("label", "Example petitions".into()),
            ("lines_per_hour", "1000".into()),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{page}");
    assert!(page.contains("API key 1 is issued. Copy it now"), "{page}");
    let at = page.find("<code class=\"key\">").expect("the key, once") + "<code class=\"key\">".len();
    let key = page[at..page[at..].find('<').expect("ends") + at].to_owned();
    let listed = client
        .get(format!("{}/admin/api-keys?lang=en", app.url))
        .header(reqwest::header::COOKIE, secretariat.cookie.clone())
        .send()
        .await
        .expect("answer")
        .text()
        .await
        .expect("page");
    assert!(listed.contains("Example petitions") && !listed.contains(&key), "never shown again");
    let send = || {
        client
            .post(format!("{}/api/v1/consultations/example-affordable-access/contributions:batch", app.url))
            .header(AUTHORIZATION, format!("Bearer {key}"))
            .body(batch(&[GOOD]))
            .send()
    };
    assert_eq!(send().await.expect("answer").status(), StatusCode::OK);
    let (status, _) = post("/admin/api-key-revocations", vec![("csrf", csrf.clone()), ("key", "1".into())]).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(send().await.expect("answer").status(), StatusCode::UNAUTHORIZED);
    let (status, page) = post(
        "/admin/api-keys",
        vec![
            ("csrf", csrf),
            ("consultation", "example-affordable-access".into()),
            ("entity", "Nobody (example)".into()),
            ("label", "x".into()),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(page.contains("there is no recorded entity Nobody (example)"), "{page}");
}
