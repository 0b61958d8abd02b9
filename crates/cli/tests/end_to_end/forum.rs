//! The forum on projects and funding end to end: the demo's items matched with their reasons
//! from the command line; an item posted for an entity from a file of its fields, a bad file
//! refused with its line or field and nothing recorded; an answer hidden and shown again. Then
//! on the web, with no script: the forum and an item in English and French, a focal point's
//! project posted through the form (a wrong budget sent back with the error and every field
//! kept), its matches, a question in its thread, the secretariat's moderation, the API and the
//! open data.

use reqwest::StatusCode;
use reqwest::header::COOKIE;

use crate::common::{Workspace, no_redirects, sign_in, stderr};

const PROJECT: &str = r#"{
  "kind": "project",
  "title": "Example: a community network for a fishing port",
  "description": "Invented for a test.",
  "action_lines": "C2",
  "countries": "KE",
  "budget": "90 000",
  "contact": "port@example.org"
}"#;

#[test]
fn the_secretariat_reads_posts_and_moderates_the_forum() {
    let ws = Workspace::new();
    assert!(ws.run(&["load-demo"]).status.success());
    let run = |args: &[&str]| ws.succeed(args);
    let listed: serde_json::Value = serde_json::from_str(&run(&["forum", "list", "--format", "json"])).expect("JSON");
    let items = listed.as_array().expect("a list");
    assert_eq!(items.len(), 6, "the demo's three projects and three funding sources");
    let matched = |title: &str| -> Vec<String> {
        let item = items.iter().find(|i| i["title"] == title).unwrap_or_else(|| panic!("{title}"));
        item["matches"]
            .as_array()
            .expect("matches")
            .iter()
            .map(|m| m["entity"].as_str().expect("entity").to_owned())
            .collect()
    };
    assert_eq!(
        matched("Example: solar-powered community networks for twelve mountain villages"),
        ["Example Organisation for Digital Trade", "Example Agency for Education and Culture Online"],
        "the closest first: two action lines and a region over one action line anywhere"
    );
    assert!(matched("Example: small-business digitalisation vouchers").is_empty(), "no project meets it");
    let funding = run(&["forum", "list", "--kind", "funding", "--action-line", "c8", "--format", "csv"]);
    assert_eq!(funding.lines().count(), 2, "a header and the one funding source serving C8: {funding}");
    let shown = run(&["forum", "show", "2"]);
    for reason in [
        "Action lines both serve: C4",
        "Regional group covered: African States (Fictional Republic of Aurelia)",
        "Open to: Governments",
        "Budget US$ 450,000; grants from US$ 20,000 to US$ 250,000",
    ] {
        assert!(shown.contains(reason), "{reason} in {shown}");
    }

    // A file of fields posts for an entity; a bad one is refused, saying where, and records nothing.
    let bad_json = ws.write("bad.json", PROJECT.replace("\"C2\",", "\"C2\"").as_bytes());
    let refused =
        ws.run(&["forum", "post", "--entity", "Example Network for Digital Rights", bad_json.to_str().expect("path")]);
    assert!(stderr(&refused).contains("bad.json: line 6:"), "{}", stderr(&refused));
    let bad_budget = ws.write("budget.json", PROJECT.replace("90 000", "90.5").as_bytes());
    let refused = ws.run(&[
        "forum",
        "post",
        "--entity",
        "Example Network for Digital Rights",
        bad_budget.to_str().expect("path"),
    ]);
    assert!(
        stderr(&refused).contains("budget.json: Budget (US dollars): 90.5 is not a whole number of US dollars"),
        "{}",
        stderr(&refused)
    );
    let french = ws.run_in(
        "fr",
        &["forum", "post", "--entity", "Example Network for Digital Rights", bad_budget.to_str().expect("path")],
    );
    assert!(
        stderr(&french).contains("Budget (dollars des États-Unis) : 90.5 n’est pas un nombre entier de dollars"),
        "{}",
        stderr(&french)
    );
    let unknown = ws.run(&["forum", "post", "--entity", "Nobody (example)", bad_budget.to_str().expect("path")]);
    assert!(stderr(&unknown).contains("there is no recorded entity Nobody (example)"), "{}", stderr(&unknown));
    assert_eq!(run(&["forum", "list", "--format", "csv"]).lines().count(), 7, "nothing recorded");
    let good = ws.write("project.json", PROJECT.as_bytes());
    let posted =
        run(&["forum", "post", "--entity", "Example Network for Digital Rights", good.to_str().expect("path")]);
    assert!(posted.contains("Item 7 is posted in the forum."), "{posted}");
    let seven = run(&["forum", "show", "7"]);
    assert!(
        seven.contains("Example Organisation for Digital Trade")
            && seven.contains("Regional group covered: African States (Kenya)"),
        "{seven}"
    );

    // Moderation: an item hidden leaves the listing and its matches, with its reason kept.
    run(&["forum", "hide", "7", "--reason", "Posted twice"]);
    let hidden = run(&["forum", "list", "--hidden"]);
    assert!(hidden.contains("Hidden by the secretariat: Posted twice"), "{hidden}");
    assert_eq!(run(&["forum", "list", "--format", "csv"]).lines().count(), 7);
    let no_reason = ws.run(&["forum", "hide", "7", "--answer", "1", "--reason", " "]);
    assert!(stderr(&no_reason).contains("Give the reason for hiding"), "{}", stderr(&no_reason));
    let no_answer = ws.run(&["forum", "hide", "7", "--answer", "4", "--reason", "x"]);
    assert!(stderr(&no_answer).contains("There is no answer 4 under item 7."), "{}", stderr(&no_answer));
    run(&["forum", "restore", "7"]);
    assert_eq!(run(&["forum", "list", "--format", "csv"]).lines().count(), 8);
}

#[tokio::test]
async fn a_focal_point_posts_a_project_and_asks_in_a_thread_without_javascript() {
    let app = crate::common::spawn_demo();
    let client = no_redirects();
    let get = |path: &str, cookie: Option<&str>| {
        let mut request = client.get(format!("{}{path}", app.url));
        if let Some(cookie) = cookie {
            request = request.header(COOKIE, cookie.to_owned());
        }
        async move {
            let response = request.send().await.expect("answer");
            (response.status(), response.text().await.expect("body"))
        }
    };
    let (status, forum) = get("/forum?lang=en", None).await;
    assert_eq!(status, StatusCode::OK);
    assert!(forum.contains("Forum on projects and funding") && forum.contains("Items: 6"), "{forum}");
    let (_, french) = get("/forum/1?lang=fr", None).await;
    for expected in [
        "Financements auxquels ce projet répond",
        "Grandes orientations communes : C2, C4",
        "Masqué par le secrétariat : Advertising unrelated to the project",
        "Données d’exemple",
    ] {
        assert!(french.contains(expected), "{expected} in the French page");
    }
    assert!(!french.contains("Example advertisement"), "a hidden answer's text is not shown");
    let (status, _) = get("/forum/new?kind=project", None).await;
    assert_eq!(status, StatusCode::SEE_OTHER, "posting needs an account");

    let focal = sign_in(&app, "focal-point@demo.example").await;
    let (status, form) = get("/forum/new?kind=project&lang=en", Some(&focal.cookie)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(form.contains("Published in the name of Fictional Republic of Aurelia"), "{form}");
    let post = |fields: Vec<(&'static str, String)>| {
        let request =
            client.post(format!("{}/forum?lang=en", app.url)).header(COOKIE, focal.cookie.clone()).form(&fields);
        async move {
            let response = request.send().await.expect("answer");
            let location = response.headers().get("location").map(|l| l.to_str().expect("ASCII").to_owned());
            (response.status(), location, response.text().await.expect("body"))
        }
    };
    let fields = |budget: &str| {
        vec![
            ("csrf", focal.csrf.clone()),
            ("kind", "project".to_owned()),
            ("title", "Example: community radio goes online".to_owned()),
            ("description", "Invented for a test: streaming for three community radios.".to_owned()),
            ("action_lines", "C2".to_owned()),
            ("action_lines", "C8".to_owned()),
            ("countries", "QM".to_owned()),
            ("budget", budget.to_owned()),
            ("contact", "radio@aurelia.example".to_owned()),
        ]
    };
    let (status, _, again) = post(fields("about 40k")).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(again.contains("Budget (US dollars): about 40k is not a whole number of US dollars"), "{again}");
    assert!(
        again.contains("value=\"Example: community radio goes online\"") && again.contains("value=\"C8\" checked"),
        "every field kept"
    );
    let (status, location, _) = post(fields("40,000")).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let location = location.expect("to the new item");
    let (_, item) = get(&format!("{location}?lang=en"), Some(&focal.cookie)).await;
    assert!(item.contains("Example: last-mile connectivity and skills grants"), "matched: {item}");
    assert!(item.contains("Open to: Least developed country (Fictional Republic of Aurelia)"), "{item}");

    // A question under the item; a focal point cannot moderate it, the secretariat hides it.
    let id: i64 = location.trim_start_matches("/forum/").parse().expect("its number");
    let asked = client
        .post(format!("{}/forum/{id}/answers", app.url))
        .header(COOKIE, focal.cookie.clone())
        .form(&[("csrf", focal.csrf.as_str()), ("text", "Example question: is a partner required?")])
        .send()
        .await
        .expect("answer");
    assert_eq!(asked.status(), StatusCode::SEE_OTHER);
    assert_eq!(asked.headers()["location"], format!("/forum/{id}#answer-1").as_str());
    let forged = client
        .post(format!("{}/admin/forum-moderation", app.url))
        .header(COOKIE, focal.cookie.clone())
        .form(&[("csrf", focal.csrf.as_str()), ("item", &id.to_string()), ("action", "hide"), ("reason", "x")])
        .send()
        .await
        .expect("answer");
    assert_eq!(forged.status(), StatusCode::FORBIDDEN, "a focal point does not moderate");
    let secretariat = sign_in(&app, "secretariat@demo.example").await;
    let hide = client
        .post(format!("{}/admin/forum-moderation", app.url))
        .header(COOKIE, secretariat.cookie.clone())
        .form(&[
            ("csrf", secretariat.csrf.as_str()),
            ("item", &id.to_string()),
            ("answer", "1"),
            ("action", "hide"),
            ("reason", "Personal data"),
        ])
        .send()
        .await
        .expect("answer");
    assert_eq!(hide.status(), StatusCode::SEE_OTHER);
    let api: serde_json::Value =
        reqwest::get(format!("{}/api/v1/forum/{id}", app.url)).await.expect("answer").json().await.expect("JSON");
    assert_eq!(api["thread"][0]["hidden_reason"], "Personal data");
    assert!(api["thread"][0]["body"].is_null(), "{api}");
    assert_eq!(api["matches"][0]["entity"], "Example Organisation for Digital Trade", "{api}");
    let listed: serde_json::Value = reqwest::get(format!("{}/api/v1/forum?kind=funding", app.url))
        .await
        .expect("answer")
        .json()
        .await
        .expect("JSON");
    assert_eq!(listed.as_array().expect("a list").len(), 3);
    let bad = reqwest::get(format!("{}/api/v1/forum?action_line=C12", app.url)).await.expect("answer");
    assert_eq!(bad.status(), StatusCode::BAD_REQUEST);
    let open_data = reqwest::get(format!("{}/open-data/forum.json", app.url)).await.expect("answer");
    assert_eq!(open_data.headers()["content-type"], "application/json");
    let open_data: serde_json::Value = open_data.json().await.expect("JSON");
    assert_eq!(open_data.as_array().expect("every item").len(), 7);
}
