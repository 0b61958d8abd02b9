//! Accounts end to end: signing in and out, who may use which route (every route against the
//! secretariat, a focal point of entity A, one of entity B, and an anonymous visitor), verified
//! contributions, form tokens, ended sessions, rate limits and the audit log.

use crate::common;

use crate::common::{App, Workspace, cookie_named, hidden_csrf, no_redirects, sign_in_response, spawn_serve, stderr};
use reqwest::StatusCode;
use reqwest::header::{COOKIE, LOCATION};
use reqwest::multipart::Form;

const PASSWORD: &str = "correct horse battery staple";

/// Who is asking: the cookie of a session (none for an anonymous visitor) and its form token.
#[derive(Clone, Debug, Default)]
struct Who {
    cookie: Option<String>,
    csrf: String,
}

async fn sign_in(app: &App, email: &str) -> Who {
    let response = sign_in_response(app, email, PASSWORD).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER, "{email} signs in");
    let cookie = cookie_named(&response, "consulta_session").expect("a session cookie");
    let page = no_redirects()
        .get(format!("{}/consultations/open", app.url))
        .header(COOKIE, &cookie)
        .send()
        .await
        .expect("page");
    let csrf = hidden_csrf(&page.text().await.expect("HTML"));
    Who { cookie: Some(cookie), csrf }
}

async fn get(app: &App, who: &Who, path: &str) -> reqwest::Response {
    let mut request = no_redirects().get(format!("{}{path}", app.url));
    if let Some(cookie) = &who.cookie {
        request = request.header(COOKIE, cookie);
    }
    request.send().await.expect("answer")
}

async fn post_form(app: &App, who: &Who, path: &str, fields: &[(&str, &str)]) -> reqwest::Response {
    let mut fields = fields.to_vec();
    fields.push(("csrf", who.csrf.as_str()));
    let mut request = no_redirects().post(format!("{}{path}", app.url)).form(&fields);
    if let Some(cookie) = &who.cookie {
        request = request.header(COOKIE, cookie);
    }
    request.send().await.expect("answer")
}

/// Sends the contribution form as entity B (a private-sector entity of Brazil) would fill it.
async fn contribute(app: &App, who: &Who, entity: &str) -> reqwest::Response {
    let form = Form::new()
        .text("entity", entity.to_owned())
        .text("stakeholder_group", "private_sector")
        .text("country", "BR")
        .text("email", "contact@example.org")
        .text("language", "en")
        .text("title", format!("Views sent as {entity}"))
        .text("body", "Example text, invented for a test.")
        .text("csrf", who.csrf.clone());
    let mut request = no_redirects().post(format!("{}/consultations/open/contribute", app.url)).multipart(form);
    if let Some(cookie) = &who.cookie {
        request = request.header(COOKIE, cookie);
    }
    request.send().await.expect("answer")
}

/// An instance with entities A and B (from an import), a secretariat account, and a focal
/// point for each entity.
fn instance() -> (Workspace, App) {
    let ws = Workspace::new();
    ws.create_open_consultation("open");
    let file = ws.write(
        "entities.csv",
        b"entity,stakeholder_group,country,channel,submitted_at,language,title,body,meeting\n\
          Example Entity A,civil_society,KE,written,2026-01-05,en,First,Text A,\n\
          Example Entity B,private_sector,BR,written,2026-01-06,en,Second,Text B,\n",
    );
    ws.import(&file, "open");
    for args in [
        &["admin", "create", "--email", "secretariat@example.org", "--name", "Secretariat Officer"][..],
        &[
            "admin",
            "create",
            "--email",
            "a@example.org",
            "--name",
            "Focal A",
            "--role",
            "focal-point",
            "--entity",
            "Example Entity A",
        ],
        &[
            "admin",
            "create",
            "--email",
            "b@example.org",
            "--name",
            "Focal B",
            "--role",
            "focal-point",
            "--entity",
            "Example Entity B",
        ],
    ] {
        let output = std::process::Command::new(common::CONSULTA)
            .arg("--db")
            .arg(&ws.db)
            .args(args)
            .env("CONSULTA_PASSWORD", PASSWORD)
            .env("CONSULTA_LANG", "en")
            .output()
            .expect("consulta runs");
        assert!(output.status.success(), "{}", stderr(&output));
    }
    let app = spawn_serve(&ws.db);
    (ws, app)
}

#[tokio::test]
async fn every_route_allows_or_denies_each_role_as_it_should() {
    let (_ws, app) = instance();
    let secretariat = sign_in(&app, "secretariat@example.org").await;
    let focal_a = sign_in(&app, "a@example.org").await;
    let focal_b = sign_in(&app, "b@example.org").await;
    let anonymous = Who::default();
    let roles = [
        ("secretariat", &secretariat),
        ("focal point A", &focal_a),
        ("focal point B", &focal_b),
        ("anonymous", &anonymous),
    ];

    // Public reading: everyone.
    for path in [
        "/",
        "/consultations/open",
        "/contributions/1",
        "/contributions/1/receipt",
        "/contributions/1/files/0",
        "/entities/1",
        "/search?q=text",
        "/api/v1/search?q=text",
        "/api/v1/contributions/1/receipt",
        "/api/v1/contributions/1/record",
        "/api/v1/log/tree-head",
        "/api/v1/log/inclusion?contribution=1&tree_size=2",
        "/api/v1/log/consistency?from=1&to=2",
        "/api/v1/consultations/open/table",
        "/consultations/open/contributions.csv",
        "/consultations/open/archive.zip",
        "/static/consulta.css",
        "/healthz",
        "/login",
        "/password-reset",
    ] {
        for (role, who) in roles {
            let status = get(&app, who, path).await.status();
            // The first contribution has no file: its absence is a 404 for everyone alike.
            let expected = if path.contains("/files/") { StatusCode::NOT_FOUND } else { StatusCode::OK };
            assert_eq!(status, expected, "{role} GET {path}");
        }
    }

    // The secretariat's pages: the secretariat; focal points are refused; anonymous visitors are
    // sent to sign in and come back.
    // A link nobody was sent is refused alike, whoever follows it.
    for (role, who) in roles {
        let status = get(&app, who, &format!("/invitations/{}", "0".repeat(64))).await.status();
        assert_eq!(status, StatusCode::GONE, "{role} GET an unknown invitation");
    }

    for path in [
        "/admin",
        "/admin/audit",
        "/admin/audit.csv",
        "/admin/mail",
        "/admin/consultations/new",
        "/admin/issues",
        "/admin/tags?contribution=1",
        "/admin/consultations/open/report",
        "/admin/consultations/open/report/docx",
    ] {
        for (role, who) in roles {
            let response = get(&app, who, path).await;
            match role {
                "secretariat" => assert_eq!(response.status(), StatusCode::OK, "{role} GET {path}"),
                "anonymous" => {
                    assert_eq!(response.status(), StatusCode::SEE_OTHER, "{role} GET {path}");
                    let location = response.headers()[LOCATION].to_str().expect("location").to_owned();
                    assert!(location.starts_with("/login?next=%2Fadmin"), "{location}");
                }
                _ => {
                    assert_eq!(response.status(), StatusCode::FORBIDDEN, "{role} GET {path}");
                    assert!(response.text().await.expect("HTML").contains("This page is for the secretariat"));
                }
            }
        }
    }
    for (path, fields) in [
        ("/admin/moderation", &[("contribution", "2"), ("action", "publish")][..]),
        ("/admin/invitations", &[("consultation", "open"), ("group", "academic")][..]),
        ("/admin/meetings", &[("consultation", "open"), ("date", "2026-12-14"), ("place", "Geneva")][..]),
        ("/admin/translations", &[("consultation", "open"), ("lang", "ar"), ("title", "مشاورة مفتوحة")][..]),
        ("/admin/issues", &[("id", "spam"), ("label_en", "Spam"), ("label_fr", "Pourriel"), ("level", "global")][..]),
        (
            "/admin/mechanisms",
            &[("id", "itu"), ("name_en", "ITU"), ("name_fr", "UIT"), ("level", "global"), ("function:normative", "on")]
                [..],
        ),
        ("/admin/matrix", &[("m:spam:itu", "on"), ("m:privacy:coe", "on")][..]),
        ("/admin/tags", &[("contribution", "1"), ("issue:spam", "on")][..]),
        (
            "/admin/consultations",
            &[
                ("slug", "made-on-the-web"),
                ("title", "T"),
                ("lang", "en"),
                ("opens", "2026-01-01"),
                ("closes", "2026-12-31"),
                ("time_zone", "UTC"),
            ][..],
        ),
    ] {
        for (role, who) in roles {
            let response = post_form(&app, who, path, fields).await;
            let expected = match role {
                "secretariat" | "anonymous" => StatusCode::SEE_OTHER,
                _ => StatusCode::FORBIDDEN,
            };
            assert_eq!(response.status(), expected, "{role} POST {path}");
            let location = response.headers().get(LOCATION).and_then(|l| l.to_str().ok()).unwrap_or_default();
            match role {
                "anonymous" => assert!(location.starts_with("/login"), "{location}"),
                "secretariat" => assert!(
                    ["/admin?done=", "/consultations/", "/admin/issues", "/admin/tags?contribution=1"]
                        .iter()
                        .any(|start| location.starts_with(start)),
                    "{location}"
                ),
                _ => {}
            }
        }
    }

    // The consultation's texts in Arabic, entered on the secretariat's page, are what an Arabic
    // reader sees, right to left; the original stays for the others. A translation with the wrong
    // number of questions is refused with what is wrong.
    let arabic = no_redirects()
        .get(format!("{}/consultations/open", app.url))
        .header("Accept-Language", "ar")
        .send()
        .await
        .expect("page")
        .text()
        .await
        .expect("HTML");
    assert!(arabic.contains("<html lang=\"ar\" dir=\"rtl\">") && arabic.contains(">مشاورة مفتوحة</h1>"), "{arabic}");
    let english = get(&app, &anonymous, "/consultations/open").await.text().await.expect("HTML");
    assert!(!english.contains("مشاورة مفتوحة"));
    let fields = [("consultation", "open"), ("lang", "es"), ("questions", "¿Una?\n¿Dos?\n¿Tres?\n¿Cuatro?")];
    let refused = post_form(&app, &secretariat, "/admin/translations", &fields).await;
    assert_eq!(refused.status(), StatusCode::BAD_REQUEST);
    let page = refused.text().await.expect("HTML");
    assert!(page.contains("Guiding questions"), "the field is named: {page}");
    let audit = get(&app, &secretariat, "/admin/audit.csv").await.text().await.expect("CSV");
    assert_eq!(audit.matches("consultation.translate").count(), 1, "one audited change: {audit}");

    // The campaign form checks its choice as the command line does: an unknown list is refused.
    let refused =
        post_form(&app, &secretariat, "/admin/invitations", &[("consultation", "open"), ("list", "nope")]).await;
    assert_eq!(refused.status(), StatusCode::BAD_REQUEST);
    assert!(refused.text().await.expect("HTML").contains("nope"), "the unknown list is named");

    // Contributing: a focal point always sends for its own entity, whatever the form says, and
    // verified; anyone else sends unverified.
    for (role, who, expected_entity, expected_identity) in [
        ("focal point A", &focal_a, "Example Entity A", "verified"),
        ("focal point B", &focal_b, "Example Entity B", "verified"),
        ("secretariat", &secretariat, "Example Entity B", "unverified"),
        ("anonymous", &anonymous, "Example Entity B", "unverified"),
    ] {
        let response = contribute(&app, who, "Example Entity B").await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER, "{role} contributes");
        let receipt = response.headers()[LOCATION].to_str().expect("location").to_owned();
        let id: i64 = receipt.split('/').nth(2).and_then(|n| n.parse().ok()).expect("an id");
        let record: serde_json::Value =
            get(&app, &anonymous, &format!("/api/v1/contributions/{id}/record")).await.json().await.expect("JSON");
        assert_eq!(
            (record["entity"].as_str(), record["identity"].as_str()),
            (Some(expected_entity), Some(expected_identity)),
            "{role}"
        );
    }
    let page = get(&app, &focal_a, "/consultations/open").await.text().await.expect("HTML");
    assert!(page.contains("You contribute as Example Entity A"));
    assert!(!page.contains("id=\"f-entity\""), "no entity field to change");

    // Amending: only the focal point of the contribution's entity, as a new contribution naming it.
    let page = get(&app, &focal_a, "/contributions/1").await.text().await.expect("HTML");
    assert!(page.contains("href=\"/consultations/open?amend=1#contribute\""), "A may amend its entity's contribution");
    let page = get(&app, &focal_b, "/contributions/1").await.text().await.expect("HTML");
    assert!(!page.contains("?amend=1"), "B may not");
    let page = get(&app, &focal_a, "/consultations/open?amend=1").await.text().await.expect("HTML");
    assert!(page.contains("name=\"amends\" value=\"1\"") && page.contains("Text A"), "the form starts from the text");
    for (role, who, expected) in [
        ("focal point B", &focal_b, StatusCode::FORBIDDEN),
        ("anonymous", &anonymous, StatusCode::FORBIDDEN),
        ("focal point A", &focal_a, StatusCode::SEE_OTHER),
    ] {
        let form = Form::new()
            .text("amends", "1")
            .text("email", "contact@example.org")
            .text("language", "en")
            .text("title", "Amended")
            .text("body", "Text A, amended.")
            .text("entity", "Example Entity A")
            .text("stakeholder_group", "civil_society")
            .text("country", "KE")
            .text("csrf", who.csrf.clone());
        let mut request = no_redirects().post(format!("{}/consultations/open/contribute", app.url)).multipart(form);
        if let Some(cookie) = &who.cookie {
            request = request.header(COOKIE, cookie);
        }
        let response = request.send().await.expect("answer");
        assert_eq!(response.status(), expected, "{role} amends contribution 1");
        if expected == StatusCode::SEE_OTHER {
            let id = response.headers()[LOCATION].to_str().expect("location").split('/').nth(2).expect("id").to_owned();
            let record: serde_json::Value =
                get(&app, &anonymous, &format!("/api/v1/contributions/{id}/record")).await.json().await.expect("JSON");
            assert_eq!((record["amends"].as_i64(), record["identity"].as_str()), (Some(1), Some("verified")));
            let page = get(&app, &anonymous, "/contributions/1").await.text().await.expect("HTML");
            assert!(page.contains(&format!("href=\"/contributions/{id}\">contribution {id}")), "amended by it");
        }
    }

    // Forms need the session's token: a forged or stale one is refused with a clear page.
    let forged = Who { csrf: "0".repeat(64), ..secretariat.clone() };
    let response = post_form(&app, &forged, "/admin/moderation", &[("contribution", "2"), ("action", "publish")]).await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    assert!(response.text().await.expect("HTML").contains("The form has expired"));
    let response = contribute(&app, &Who { csrf: String::new(), ..focal_a.clone() }, "Example Entity A").await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN, "a contribution form without its token");

    // Signing out ends the session: its cookie then opens nothing, and says so.
    let response = post_form(&app, &focal_b, "/logout", &[]).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let response = get(&app, &focal_b, "/admin").await;
    assert_eq!(response.headers()[LOCATION].to_str().expect("location"), "/login?next=%2Fadmin&ended=1");
    let page = get(&app, &anonymous, "/login?next=%2Fadmin&ended=1").await.text().await.expect("HTML");
    assert!(page.contains("Your session has ended"), "{page}");
}

#[tokio::test]
async fn sign_in_failures_moderation_and_the_audit_log() {
    let (_ws, app) = instance();
    let response = sign_in_response(&app, "secretariat@example.org", "not the password at all").await;
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    assert!(response.text().await.expect("HTML").contains("do not match an account"));
    let response = sign_in_response(&app, "nobody@example.org", PASSWORD).await;
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED, "an unknown address reads the same");

    // A sign-in form without its token (posted from elsewhere) is refused.
    let response = no_redirects()
        .post(format!("{}/login", app.url))
        .form(&[("csrf", "x"), ("email", "secretariat@example.org"), ("password", PASSWORD)])
        .send()
        .await
        .expect("answer");
    assert_eq!(response.status(), StatusCode::FORBIDDEN);

    let secretariat = sign_in(&app, "secretariat@example.org").await;
    let response =
        post_form(&app, &secretariat, "/admin/moderation", &[("contribution", "1"), ("action", "withhold")]).await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST, "withholding needs a reason");
    let response = post_form(
        &app,
        &secretariat,
        "/admin/moderation",
        &[("contribution", "1"), ("action", "withhold"), ("reason", "personal data")],
    )
    .await;
    assert_eq!(response.headers()[LOCATION].to_str().expect("location"), "/admin?done=withheld");
    let page = get(&app, &Who::default(), "/contributions/1").await.text().await.expect("HTML");
    assert!(page.contains("personal data"));
    let csv = get(&app, &secretariat, "/admin/audit.csv").await.text().await.expect("CSV");
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines[0], "id,at,actor,action,subject,before,after");
    assert!(lines.iter().any(|l| l.contains("secretariat@example.org,contribution.withhold,contribution 1")), "{csv}");
    assert!(lines.iter().any(|l| l.contains("account.create")), "accounts made at the command line are audited");
    let page = get(&app, &secretariat, "/admin/audit").await.text().await.expect("HTML");
    assert!(page.contains("contribution.withhold") && page.contains("personal data"));

    // The secretariat opens a consultation on the web; a wrong field comes back with its form.
    let bad = post_form(
        &app,
        &secretariat,
        "/admin/consultations",
        &[
            ("slug", "web"),
            ("title", "Made on the web"),
            ("lang", "en"),
            ("opens", "2026-13-01"),
            ("closes", "2026-12-31"),
            ("time_zone", "UTC"),
        ],
    )
    .await;
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = bad.text().await.expect("HTML");
    assert!(page.contains("Opens: “2026-13-01” is not a date") && page.contains("value=\"Made on the web\""), "{page}");
    let made = post_form(
        &app,
        &secretariat,
        "/admin/consultations",
        &[
            ("slug", "web"),
            ("title", "Made on the web"),
            ("lang", "en"),
            ("opens", "2026-01-01"),
            ("closes", "2026-12-31"),
            ("time_zone", "UTC"),
            ("verified_only", "1"),
        ],
    )
    .await;
    assert_eq!(made.headers()[LOCATION].to_str().expect("location"), "/consultations/web");
    let page = get(&app, &Who::default(), "/consultations/web").await.text().await.expect("HTML");
    assert!(page.contains("Made on the web") && page.contains("takes contributions only from the focal points"));
    let csv = get(&app, &secretariat, "/admin/audit.csv").await.text().await.expect("CSV");
    assert!(csv.contains("secretariat@example.org,consultation.create,consultation web"), "{csv}");

    // Successful sign-ins do not count towards any limit.
    for _ in 0..8 {
        sign_in(&app, "a@example.org").await;
    }
    // After signing in, only a path of this site is followed: not one a browser would read as
    // another site's address, and a newline in it is no server error.
    for (next, expected) in
        [("/\t/evil.example", "/"), ("/\n/x", "/"), ("/admin/../consultations/open", "/consultations/open")]
    {
        let page = no_redirects().get(format!("{}/login", app.url)).send().await.expect("login page");
        let signin = cookie_named(&page, "consulta_signin").expect("a sign-in cookie");
        let csrf = hidden_csrf(&page.text().await.expect("HTML"));
        let response = no_redirects()
            .post(format!("{}/login", app.url))
            .header(COOKIE, signin)
            .form(&[("csrf", csrf.as_str()), ("email", "a@example.org"), ("password", PASSWORD), ("next", next)])
            .send()
            .await
            .expect("sign in");
        assert_eq!(response.status(), StatusCode::SEE_OTHER, "{next:?}");
        assert_eq!(response.headers()[LOCATION].to_str().expect("location"), expected, "{next:?}");
    }

    // Five wrong passwords for one account from one client, then that client waits.
    for _ in 0..5 {
        sign_in_response(&app, "a@example.org", "wrong password, wrong").await;
    }
    let response = sign_in_response(&app, "a@example.org", PASSWORD).await;
    assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(response.text().await.expect("HTML").contains("Too many attempts"));
}

#[tokio::test]
async fn a_verified_only_consultation_refuses_the_public_but_not_its_focal_points() {
    let (ws, app) = instance();
    let created = ws.run(&[
        "consultation",
        "create",
        "--slug",
        "closed-circle",
        "--title",
        "T",
        "--opens",
        "2020-01-01",
        "--closes",
        "2099-12-31",
        "--verified-only",
    ]);
    assert!(created.status.success(), "{}", stderr(&created));
    let page = get(&app, &Who::default(), "/consultations/closed-circle").await.text().await.expect("HTML");
    assert!(page.contains("takes contributions only from the focal points"), "the public is told why");
    assert!(!page.contains("id=\"f-title\""), "and gets no form");
    let form = Form::new()
        .text("entity", "Example Outsider")
        .text("stakeholder_group", "civil_society")
        .text("email", "contact@example.org")
        .text("language", "en")
        .text("title", "T")
        .text("body", "B");
    let refused = no_redirects()
        .post(format!("{}/api/v1/consultations/closed-circle/contributions", app.url))
        .multipart(form)
        .send()
        .await
        .expect("answer");
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    let error: serde_json::Value = refused.json().await.expect("JSON");
    assert_eq!(error["error"], "verified_only");

    let focal_a = sign_in(&app, "a@example.org").await;
    let page = get(&app, &focal_a, "/consultations/closed-circle").await.text().await.expect("HTML");
    assert!(page.contains("You contribute as Example Entity A"));
}

#[tokio::test]
async fn the_secretariat_tags_a_contribution_and_the_report_counts_it() {
    let (_ws, app) = instance();
    let secretariat = sign_in(&app, "secretariat@example.org").await;

    // Contribution 1 says nothing of spam; its page still offers every issue.
    let page = get(&app, &secretariat, "/admin/tags?contribution=1").await.text().await.expect("HTML");
    assert!(page.contains("name=\"issue:spam\""), "{page}");
    let bad = post_form(&app, &secretariat, "/admin/tags", &[("contribution", "1"), ("issue:astrology", "on")]).await;
    assert_eq!(bad.status(), StatusCode::BAD_REQUEST);
    assert!(bad.text().await.expect("HTML").contains("astrology"), "the error names the unknown issue");
    let saved = post_form(&app, &secretariat, "/admin/tags", &[("contribution", "1"), ("issue:spam", "on")]).await;
    assert_eq!(saved.status(), StatusCode::SEE_OTHER);

    // A new issue the secretariat adds, which no mechanism handles, is a gap.
    let added = post_form(
        &app,
        &secretariat,
        "/admin/issues",
        &[
            ("id", "ai_governance"),
            ("label_en", "AI governance"),
            ("label_fr", "Gouvernance de l'IA"),
            ("level", "global"),
        ],
    )
    .await;
    assert_eq!(added.status(), StatusCode::SEE_OTHER);
    let refused =
        post_form(&app, &secretariat, "/admin/issues", &[("id", "Bad Id"), ("label_en", "x"), ("level", "everywhere")])
            .await;
    assert_eq!(refused.status(), StatusCode::BAD_REQUEST);
    let taxonomy = get(&app, &secretariat, "/admin/issues").await.text().await.expect("HTML");
    let gaps =
        &taxonomy[taxonomy.find("id=\"gaps\"").expect("gap view")..taxonomy.find("id=\"issues\"").expect("taxonomy")];
    assert!(gaps.contains("AI governance"), "{gaps}");

    let report = get(&app, &secretariat, "/admin/consultations/open/report?lang=en").await.text().await.expect("HTML");
    assert!(report.contains("Spam: raised in one contribution"), "{report}");
    assert!(report.contains("AI governance: no mechanism handles it"));
    if consulta_report::pdf::fonts_here_for_tests() {
        let pdf = get(&app, &secretariat, "/admin/consultations/open/report/pdf?lang=fr").await;
        assert_eq!(pdf.headers()["content-type"], "application/pdf");
        assert!(pdf.bytes().await.expect("bytes").starts_with(b"%PDF-"));
    }

    // A withheld contribution leaves the counts it was in, and its issues are no longer reported.
    let withheld = post_form(
        &app,
        &secretariat,
        "/admin/moderation",
        &[("contribution", "1"), ("action", "withhold"), ("reason", "Personal data.")],
    )
    .await;
    assert_eq!(withheld.status(), StatusCode::SEE_OTHER);
    let page = get(&app, &Who::default(), "/contributions/1").await.text().await.expect("HTML");
    assert!(page.contains("Personal data.") && !page.contains("Personal data.."), "one full stop: {page}");
    let report = get(&app, &secretariat, "/admin/consultations/open/report?lang=en").await.text().await.expect("HTML");
    assert!(!report.contains("Spam: raised in"), "{report}");
    assert!(
        report.contains("One contribution is withheld from publication: it is not counted in the tables above"),
        "{report}"
    );
}

/// A report of more contributors than it can list offers its annex as a CSV file of its own,
/// written from the record as it is sent; a short report has none to offer.
#[tokio::test]
async fn a_long_annex_downloads_as_a_file_of_its_own() {
    let (ws, app) = instance();
    ws.create_consultation("many", "2010-09-01", "2010-12-31");
    let mut csv = String::from("entity,stakeholder_group,country,channel,submitted_at,language,title,body,meeting\n");
    for n in (0..1001).rev() {
        csv += &format!("Example Organisation {n},civil_society,KE,written,2010-10-01,en,Views {n},Example text,\n");
    }
    ws.import(&ws.write("many.csv", csv.as_bytes()), "many");
    let secretariat = sign_in(&app, "secretariat@example.org").await;

    let page = get(&app, &secretariat, "/admin/consultations/many/report?lang=en").await.text().await.expect("HTML");
    assert!(page.contains("/admin/consultations/many/report/contributors.csv"), "{page}");
    let annex = get(&app, &secretariat, "/admin/consultations/many/report/contributors.csv?lang=en").await;
    assert_eq!(annex.status(), StatusCode::OK);
    assert_eq!(annex.headers()["content-type"], "text/csv; charset=utf-8");
    assert!(annex.headers()["content-disposition"].to_str().expect("ASCII").contains("many-contributors-en.csv"));
    let annex = annex.text().await.expect("CSV");
    let rows: Vec<&str> = annex.lines().collect();
    assert_eq!(rows.len(), 1002, "a header and every contributor");
    assert!(
        rows[1].starts_with("Example Organisation 0,") && rows[2].starts_with("Example Organisation 1,"),
        "by name"
    );
    // The open consultation holds contributions 1 and 2; these were imported last first.
    assert!(rows[1].ends_with(",1003"), "its contribution's number: {}", rows[1]);

    let short = get(&app, &secretariat, "/admin/consultations/open/report/contributors.csv").await;
    assert_eq!(short.status(), StatusCode::NOT_FOUND, "the annex of a short report is in the report");
    let public = get(&app, &Who::default(), "/admin/consultations/many/report/contributors.csv").await;
    assert_ne!(public.status(), StatusCode::OK, "the secretariat's alone");
}
