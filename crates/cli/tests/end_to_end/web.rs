//! The web front end to end: the real server on a free port with a temporary database, read
//! over HTTP as a browser without JavaScript would.

use crate::common;

use crate::common::{Workspace, spawn_demo, spawn_serve};
use reqwest::StatusCode;

const DEMO: &str = "/consultations/enhanced-cooperation-2010";

fn client() -> reqwest::Client {
    reqwest::Client::builder().build().expect("HTTP client")
}

async fn get(url: &str, accept_language: &str) -> (StatusCode, reqwest::header::HeaderMap, String) {
    let response =
        client().get(url).header("Accept-Language", accept_language).send().await.expect("the server answers");
    let status = response.status();
    let headers = response.headers().clone();
    (status, headers, response.text().await.expect("a body"))
}

/// The text of each cell of the distribution table's rows, header cells included.
fn table_rows(html: &str) -> Vec<Vec<String>> {
    let table = &html[html.find("id=\"distribution\"").expect("the table")..];
    let table = &table[..table.find("</table>").expect("the table ends")];
    let body = &table[table.find("<tbody>").expect("tbody")..];
    body.split("<tr")
        .skip(1)
        .map(|row| {
            row.split(['<', '>'])
                .collect::<Vec<_>>()
                .windows(2)
                .filter(|w| w[0].starts_with("td") || w[0].starts_with("th scope=\"row\""))
                .map(|w| w[1].trim().to_owned())
                .collect()
        })
        .collect()
}

#[tokio::test]
async fn the_demo_consultation_shows_the_seeds_table_in_english_and_french() {
    let app = spawn_demo();
    let (status, headers, html) = get(&format!("{}{DEMO}", app.url), "en").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers["content-language"], "en");
    assert!(html.starts_with("<!doctype html>\n<html lang=\"en\" dir=\"ltr\">"));
    assert_eq!(
        table_rows(&html),
        [
            ["Governments", "11", "13", "8", "32"],
            ["International organisations", "7", "1", "0", "8"],
            ["Civil society", "32", "7", "3", "42"],
            ["Private sector", "9", "5", "2", "16"],
            ["Total", "59", "26", "13", "98"],
        ]
    );
    assert!(html.contains("Example data."), "the example banner is shown");
    assert!(html.contains("ECOSOC resolution 2010/2"));
    assert!(html.contains("<th scope=\"col\">Written comments</th>"));

    let (status, headers, html) = get(&format!("{}{DEMO}", app.url), "fr-CH, fr;q=0.9, en;q=0.5").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers["content-language"], "fr");
    assert!(html.contains("<html lang=\"fr\" dir=\"ltr\">"));
    assert_eq!(table_rows(&html)[0], ["Gouvernements", "11", "13", "8", "32"]);
    assert_eq!(table_rows(&html)[4], ["Total", "59", "26", "13", "98"]);
    assert!(html.contains("Répartition des contributions reçues"));
    assert!(html.contains("Données d’exemple."));

    // A contribution's citations are recognised and linked (demo contribution 11 recalls
    // paragraph 69 of the Tunis Agenda, annexed to A/60/687).
    let (status, _, html) = get(&format!("{}/contributions/11", app.url), "en").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("<a href=\"https://undocs.org/A/60/687\">Tunis Agenda, paragraph 69</a>"), "{html}");
}

/// The demo is an instance to explore: its accounts are on the home page and sign in, its open
/// consultation takes contributions, and its fictional States fill every row of the report's
/// regional and development tables.
#[tokio::test]
async fn the_demo_can_be_explored_as_secretariat_focal_point_and_contributor() {
    let app = spawn_demo();
    let (_, _, home) = get(&app.url, "en").await;
    assert!(home.contains("Demonstration accounts"), "{home}");
    for (email, landing) in [("secretariat@demo.example", "/admin"), ("focal-point@demo.example", "/")] {
        let password = common::demo_password(&home, email);
        let signed_in = common::sign_in_response(&app, email, &password).await;
        assert_eq!(signed_in.status(), StatusCode::SEE_OTHER, "{email} signs in");
        let session = common::cookie_named(&signed_in, "consulta_session").expect("a session");
        let page = common::no_redirects()
            .get(format!("{}{landing}", app.url))
            .header(reqwest::header::COOKIE, session)
            .send()
            .await
            .expect("page");
        assert_eq!(page.status(), StatusCode::OK, "{email} reaches {landing}");
    }

    // The open consultation, dated around today, with its form and contributions.
    let (status, _, open) = get(&format!("{}/consultations/example-affordable-access", app.url), "en").await;
    assert_eq!(status, StatusCode::OK);
    assert!(open.contains("Open for contributions") && open.contains("id=\"f-country\""), "{open}");
    assert!(open.contains("Fictional Republic of Aurelia"), "fictional States are offered in an example");
    assert!(open.contains("aurelia-position-paper.pdf") || open.contains("38 contributions"), "{open}");

    // Every regional group and development status has contributions in the 2010 report.
    let report = common::Workspace::new();
    let loaded = report.run(&["load-demo"]);
    assert!(loaded.status.success(), "{}", common::stderr(&loaded));
    let output = report.run(&["report", "--consultation", "enhanced-cooperation-2010", "--format", "md"]);
    let text = common::stdout(&output);
    for row in [
        "African States",
        "Asia-Pacific States",
        "Eastern European States",
        "Latin American and Caribbean States",
        "Western European and other States",
        "Least developed countries",
        "Developing countries",
        "Developed countries",
        "No country (international)",
    ] {
        let line =
            text.lines().find(|l| l.starts_with(&format!("| {row} "))).unwrap_or_else(|| panic!("{row}: {text}"));
        let total: u64 =
            line.trim_end_matches('|').rsplit('|').next().and_then(|n| n.trim().parse().ok()).expect("a total");
        assert!(total > 0, "{line}");
    }
    assert!(!text.contains("Not stated"), "{text}");
}

#[tokio::test]
async fn the_language_switch_is_remembered() {
    let app = spawn_demo();
    let response =
        client().get(format!("{}/?lang=fr", app.url)).header("Accept-Language", "en").send().await.expect("answer");
    let cookie = response.headers()["set-cookie"].to_str().expect("ascii").to_owned();
    assert!(cookie.starts_with("consulta_lang=fr"), "{cookie}");
    let html = response.text().await.expect("body");
    assert!(html.contains("<html lang=\"fr\" dir=\"ltr\">"));
    assert!(html.contains("href=\"/?lang=en\""), "the switch links back to English");
    let later = client()
        .get(format!("{}{DEMO}", app.url))
        .header("Accept-Language", "en")
        .header("Cookie", "consulta_lang=fr")
        .send()
        .await
        .expect("answer");
    assert!(later.text().await.expect("body").contains("<html lang=\"fr\" dir=\"ltr\">"));
}

#[tokio::test]
async fn contributions_are_filtered_paged_and_linked() {
    let app = spawn_demo();
    let (_, _, html) = get(&format!("{}{DEMO}?group=civil_society&channel=written", app.url), "en").await;
    assert!(html.contains("32 contributions; 1 to 32 shown."), "filtered count");
    assert!(html.contains("<option value=\"civil_society\" selected>"));
    let (_, _, html) = get(&format!("{}{DEMO}", app.url), "en").await;
    assert!(html.contains("98 contributions; 1 to 50 shown."));
    assert!(html.contains("rel=\"next\" href=\"/consultations/enhanced-cooperation-2010?page=2\""));
    let (_, _, page2) = get(&format!("{}{DEMO}?page=2", app.url), "en").await;
    assert!(page2.contains("98 contributions; 51 to 98 shown."));

    let first = html.split("href=\"/contributions/").nth(1).expect("a contribution link");
    let id = &first[..first.find('"').expect("end of link")];
    let (status, _, contribution) = get(&format!("{}/contributions/{id}", app.url), "en").await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        contribution.contains("Example text, invented")
            || contribution.contains("Texte d’exemple")
            || contribution.contains("Texto de ejemplo")
    );
    assert!(contribution.contains("Example data."), "contribution pages carry the banner");

    let entity_link = contribution.split("href=\"/entities/").nth(1).expect("an entity link");
    let entity = &entity_link[..entity_link.find('"').expect("end of link")];
    let (status, _, entity_page) = get(&format!("{}/entities/{entity}", app.url), "fr").await;
    assert_eq!(status, StatusCode::OK);
    assert!(entity_page.contains("Groupe de parties prenantes"));
}

#[tokio::test]
async fn bad_addresses_get_clear_pages_in_the_readers_language() {
    let app = spawn_demo();
    for (path, status, text) in [
        ("/consultations/nope", StatusCode::NOT_FOUND, "Page introuvable"),
        ("/contributions/999999", StatusCode::NOT_FOUND, "Page introuvable"),
        ("/contributions/abc", StatusCode::NOT_FOUND, "Page introuvable"),
        ("/no/such/page", StatusCode::NOT_FOUND, "Page introuvable"),
        (&format!("{DEMO}?page=zero"), StatusCode::BAD_REQUEST, "page=zero"),
        (&format!("{DEMO}?channel=email"), StatusCode::BAD_REQUEST, "channel=email"),
        (&format!("{DEMO}?group=martians"), StatusCode::BAD_REQUEST, "group=martians"),
    ] {
        let (got, _, html) = get(&format!("{}{path}", app.url), "fr").await;
        assert_eq!(got, status, "{path}");
        assert!(html.contains(text), "{path}: {html}");
        assert!(html.contains("Retour aux consultations"), "{path}");
    }
}

#[tokio::test]
async fn the_table_api_and_the_stylesheet() {
    let app = spawn_demo();
    let json: serde_json::Value = client()
        .get(format!("{}/api/v1/consultations/enhanced-cooperation-2010/table?lang=fr", app.url))
        .send()
        .await
        .expect("answer")
        .json()
        .await
        .expect("JSON");
    assert_eq!(json["groups"][0]["label"], "Gouvernements");
    assert_eq!(json["total"]["total"], 98);
    let missing = client().get(format!("{}/api/v1/consultations/nope/table", app.url)).send().await.expect("answer");
    assert_eq!(missing.status(), StatusCode::NOT_FOUND);

    let css = client().get(format!("{}/static/consulta.css", app.url)).send().await.expect("answer");
    assert_eq!(css.headers()["content-type"], "text/css; charset=utf-8");
    let css = css.text().await.expect("body");
    // About 4 KB as sent; its logical properties (for right-to-left pages) are longer to write.
    assert!(css.len() < 20 * 1024, "the stylesheet stays small: {} bytes", css.len());
    assert!(!css.contains("url("), "no outside resource");
    for path in ["/favicon.ico", "/static/favicon.svg"] {
        let icon = client().get(format!("{}{path}", app.url)).send().await.expect("answer");
        assert_eq!(icon.status(), StatusCode::OK, "{path}: no first visit meets a 404");
        assert_eq!(icon.headers()["content-type"], "image/svg+xml");
    }
}

#[tokio::test]
async fn pages_are_small_and_self_contained() {
    let app = spawn_demo();
    for path in ["/", DEMO] {
        let (_, _, html) = get(&format!("{}{path}", app.url), "en").await;
        assert!(!html.contains("<script"), "{path} needs no JavaScript");
        assert!(!html.contains("src=\"http") && !html.contains("href=\"http"), "{path} loads nothing from outside");
        assert!(html.len() < 64 * 1024, "{path} is {} bytes", html.len());
        assert!(html.contains("<meta name=\"viewport\""));
        let csp = client().get(format!("{}{path}", app.url)).send().await.expect("answer");
        assert!(csp.headers()["content-security-policy"].to_str().expect("ascii").starts_with("default-src 'none'"));
    }
}

/// Every page of the demo a visitor can reach by following links, fetched as a browser on a
/// slow link asks for it (compressed): each is under 100 KB transferred; the heaviest are
/// printed. The static files come once, then only their validators.
#[tokio::test]
async fn every_page_of_the_demo_is_light() {
    use reqwest::header::{ACCEPT_ENCODING, CONTENT_ENCODING, ETAG, IF_NONE_MATCH};
    const MOST_BYTES: usize = 100 * 1024;
    /// Enough for every page of the demo's kinds (a few hundred), bounded all the same.
    const MOST_PAGES: usize = 800;
    let app = spawn_demo();
    // Links that are files to download, the API, actions, or search's endless combinations of
    // filters are not pages to weigh.
    let is_page = |path: &str| {
        let skipped = ["/static/", "/api/", "/login", "/logout", "/admin", "/files/", "/feed.atom"];
        let downloads = [".csv", ".zip", ".json", ".atom", ".pdf", ".docx", ".md", ".txt", ".html", ".eml"];
        let file = path.split('?').next().unwrap_or(path);
        let filtered_search = path.starts_with("/search?") && path.contains('&');
        let elsewhere = !path.starts_with('/') || path.starts_with("//");
        let not_a_page = skipped.iter().any(|s| path.contains(s)) || downloads.iter().any(|d| file.ends_with(d));
        // A draft's files are asked for with `format=`.
        let a_file = path.contains("format=");
        !(elsewhere || not_a_page || filtered_search || a_file || path.contains("lang="))
    };
    let mut queue = std::collections::VecDeque::from(["/".to_owned()]);
    let mut seen: std::collections::HashSet<String> = queue.iter().cloned().collect();
    let mut weights: Vec<(usize, String, String)> = Vec::new();
    while let Some(path) = queue.pop_front() {
        let response = client()
            .get(format!("{}{path}", app.url))
            .header(ACCEPT_ENCODING, "br, gzip")
            .send()
            .await
            .expect("answer");
        assert_eq!(response.status(), StatusCode::OK, "{path}");
        let encoding = response.headers().get(CONTENT_ENCODING).map(|e| e.to_str().unwrap_or("?").to_owned());
        let transferred = response.bytes().await.expect("body").len();
        // The same page uncompressed, for its links.
        let (_, _, html) = get(&format!("{}{path}", app.url), "en").await;
        weights.push((transferred, path.clone(), encoding.unwrap_or_else(|| "identity".into())));
        for link in html.split("href=\"").skip(1).filter_map(|rest| rest.split('"').next()) {
            let link = link.replace("&amp;", "&");
            let link = link.split('#').next().unwrap_or_default().to_owned();
            if is_page(&link) && seen.len() < MOST_PAGES && seen.insert(link.clone()) {
                queue.push_back(link);
            }
        }
    }
    weights.sort_by(|a, b| b.cmp(a));
    println!("{} pages of the demo; the heaviest, as transferred:", weights.len());
    for (bytes, path, encoding) in weights.iter().take(8) {
        println!("  {bytes:>7} B  {encoding:<8} {path}");
    }
    assert!(weights.len() > 200, "the crawl reached the demo's pages: {}", weights.len());
    assert!(weights.iter().all(|(_, _, encoding)| encoding == "br"), "every page is compressed with brotli");
    let (heaviest, path, _) = &weights[0];
    assert!(*heaviest < MOST_BYTES, "{path} is {heaviest} bytes");

    // The stylesheet: linked by its version, sent once, then answered 304.
    let (_, _, home) = get(&format!("{}/", app.url), "en").await;
    let css = home.split("rel=\"stylesheet\" href=\"").nth(1).and_then(|r| r.split('"').next()).expect("linked");
    assert!(css.starts_with("/static/consulta.css?v="), "{css}");
    let first = client().get(format!("{}{css}", app.url)).send().await.expect("answer");
    let etag = first.headers()[ETAG].clone();
    assert!(first.headers()["cache-control"].to_str().expect("ascii").contains("max-age=31536000"));
    let again = client().get(format!("{}{css}", app.url)).header(IF_NONE_MATCH, etag).send().await.expect("answer");
    assert_eq!(again.status(), StatusCode::NOT_MODIFIED);
}

#[tokio::test]
async fn an_empty_instance_serves_its_list() {
    let ws = Workspace::new();
    let app = spawn_serve(&ws.db);
    let (status, _, html) = get(&format!("{}/", app.url), "en").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("There is no consultation yet."));
    assert!(!html.contains("Example data."));
}

/// A consultation not yet translated into the reader's language is shown in its original, and
/// the page says so.
#[tokio::test]
async fn an_untranslated_consultation_says_it_is_shown_in_the_original() {
    let ws = Workspace::new();
    ws.create_consultation("s", "2010-09-01", "2010-12-31");
    let app = spawn_serve(&ws.db);
    let (_, _, french) = get(&format!("{}/consultations/s", app.url), "fr").await;
    assert!(french.contains("<p class=\"meta\">Original : anglais</p>"), "{french}");
    let (_, _, english) = get(&format!("{}/consultations/s", app.url), "en").await;
    assert!(!english.contains("Original:"), "{english}");
}

#[tokio::test]
async fn the_mandate_is_shown_in_the_readers_language() {
    let app = spawn_demo();
    let (_, _, html) = get(&format!("{}{DEMO}", app.url), "fr").await;
    assert!(html.contains("<dd lang=\"fr\" dir=\"auto\">Résolution 2010/2 du Conseil économique et social</dd>"));
}

/// A contribution received late in the evening in UTC but on the next day in its consultation's
/// time zone shows the same date on its page, in its consultation's list, on its entity's page
/// and in search, and each page says which time zone its dates are in.
#[tokio::test]
async fn every_date_is_in_the_consultations_time_zone() {
    let ws = Workspace::new();
    let created = ws.run(&[
        "consultation",
        "create",
        "--slug",
        "tokyo",
        "--title",
        "T",
        "--opens",
        "2010-09-01",
        "--closes",
        "2010-12-31",
        "--time-zone",
        "Asia/Tokyo",
    ]);
    assert!(created.status.success(), "{}", common::stderr(&created));
    let file = ws.write(
        "late.csv",
        "entity,stakeholder_group,country,channel,submitted_at,language,title,body,meeting\n\
         Example Evening Network,civil_society,JP,written,2010-12-01T23:44:00Z,en,Evening,Sent late in the evening,\n"
            .as_bytes(),
    );
    ws.import(&file, "tokyo");
    let app = spawn_serve(&ws.db);
    let pages = [
        "/contributions/1".to_owned(),
        "/consultations/tokyo".to_owned(),
        "/entities/1".to_owned(),
        "/search?q=evening".to_owned(),
    ];
    for path in pages {
        // The search index catches up in the background.
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(15);
        let html = loop {
            let (_, _, html) = get(&format!("{}{path}", app.url), "en").await;
            if html.contains("Evening") || std::time::Instant::now() > deadline {
                break html;
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        };
        assert!(html.contains("2 December 2010"), "{path}: {html}");
        let first_of_december =
            html.match_indices("1 December 2010").any(|(at, _)| !html[..at].ends_with(|c: char| c.is_ascii_digit()));
        assert!(!first_of_december, "{path}: {html}");
        assert!(html.contains("Asia/Tokyo") || html.contains("JST"), "{path} says its time zone: {html}");
    }
}

/// The secretariat tags a consultation's contributions one after another without typing a
/// number: the first untagged one, "save and next", a confirmation, and the end of the list; the
/// suggestions say how often they are right and never give a stop word as a reason.
#[tokio::test]
async fn the_secretariat_tags_a_consultation_in_one_pass() {
    use reqwest::header::{COOKIE, LOCATION};
    let app = spawn_demo();
    let (_, _, home) = get(&app.url, "fr").await;
    let password = common::demo_password(&home, "secretariat@demo.example");
    let signed_in = common::sign_in_response(&app, "secretariat@demo.example", &password).await;
    let session = common::cookie_named(&signed_in, "consulta_session").expect("signed in");
    let client = common::no_redirects();
    let fetch = |path: String| {
        let (client, session, url) = (client.clone(), session.clone(), app.url.clone());
        async move {
            client
                .get(format!("{url}{path}"))
                .header(COOKIE, session)
                .header("Accept-Language", "fr")
                .send()
                .await
                .expect("answer")
        }
    };
    let start = fetch("/admin/tags?consultation=example-affordable-access".into()).await;
    assert_eq!(start.status(), StatusCode::SEE_OTHER);
    let mut location = start.headers()[LOCATION].to_str().expect("location").to_owned();
    let mut tagged = Vec::new();
    loop {
        let page = fetch(location.clone()).await;
        assert_eq!(page.status(), StatusCode::OK, "{location}");
        let html = page.text().await.expect("HTML");
        if html.contains("Plus rien à rattacher") {
            break;
        }
        assert!(html.contains("sur 38 pas encore rattachées") || !tagged.is_empty(), "{html}");
        assert!(html.contains("Vérifié sur des contributions") || html.contains("trop peu"), "{html}");
        if let Some(previous) = tagged.last() {
            assert!(
                html.contains(&format!("Les questions de la contribution {previous} sont enregistrées.")),
                "{html}"
            );
        }
        for reason in html.split("Suggérée : ").skip(1) {
            let reason = &reason[..reason.find("</span>").unwrap_or(reason.len())];
            for stop in ["« contre", " contre,", " doit,", " les,", " le,", " la,", " et,"] {
                assert!(!reason.contains(stop), "a stop word given as a reason: {reason}");
            }
        }
        let id = location.split("contribution=").nth(1).and_then(|r| r.split('&').next()).expect("an id").to_owned();
        let form = [
            ("csrf", common::hidden_csrf(&html)),
            ("contribution", id.clone()),
            ("consultation", "example-affordable-access".to_owned()),
            ("issue:multilingualism", "on".to_owned()),
            ("then", "next".to_owned()),
        ];
        let saved = client
            .post(format!("{}/admin/tags", app.url))
            .header(COOKIE, &session)
            .form(&form)
            .send()
            .await
            .expect("saved");
        assert_eq!(saved.status(), StatusCode::SEE_OTHER);
        location = saved.headers()[LOCATION].to_str().expect("location").to_owned();
        assert!(location.contains(&format!("saved={id}")), "{location}");
        tagged.push(id);
        assert!(tagged.len() <= 38, "the walk ends");
    }
    // Six contributions and the 32 letters of the demo's campaigns.
    assert_eq!(tagged.len(), 38, "every contribution of the open consultation, once: {tagged:?}");
}

/// The secretariat sets the report's symbol, organs, summary and conclusions on its page, and
/// the draft shows them at once; a bad field is refused with what is wrong.
#[tokio::test]
async fn the_secretariat_sets_the_reports_details_on_the_web() {
    use reqwest::header::COOKIE;
    let app = spawn_demo();
    let (_, _, home) = get(&app.url, "en").await;
    let password = common::demo_password(&home, "secretariat@demo.example");
    let signed_in = common::sign_in_response(&app, "secretariat@demo.example", &password).await;
    let session = common::cookie_named(&signed_in, "consulta_session").expect("signed in");
    let client = common::no_redirects();
    let page_url = format!("{}/admin/consultations/enhanced-cooperation-2010/report", app.url);
    let page = client.get(&page_url).header(COOKIE, &session).send().await.expect("page").text().await.expect("HTML");
    assert!(page.contains("A/EXAMPLE/1–E/EXAMPLE/1") && page.contains("Report of the Secretary-General"), "{page}");
    let form = [
        ("csrf", common::hidden_csrf(&page)),
        ("symbol", "A/EX/9".to_owned()),
        ("organ:general_assembly", "on".to_owned()),
        ("general_assembly:session:en", "Example session".to_owned()),
        ("summary:en", "A summary set on the web.".to_owned()),
        ("conclusions:en", "One conclusion.".to_owned()),
    ];
    let page = common::post_then_read(&app, &session, &format!("{page_url}/details"), &form).await;
    assert!(page.contains("The report’s details are saved."), "{page}");
    assert!(page.contains("A/EX/9") && page.contains("A summary set on the web.") && page.contains("One conclusion."));
    assert!(!page.contains("Economic and Social Council</strong>"), "the organ left unticked is gone");
    let mut too_long = form.to_vec();
    too_long[1] = ("symbol", "A/".repeat(60));
    let refused = client
        .post(format!("{page_url}/details"))
        .header(COOKIE, &session)
        .form(&too_long)
        .send()
        .await
        .expect("refused");
    assert_eq!(refused.status(), StatusCode::BAD_REQUEST);
    assert!(refused.text().await.expect("HTML").contains("Document symbol: at most 100 characters."));
}

/// The points of agreement over HTTP: the API's groups and standings, the open data files, a
/// vote without the page's cookie and token refused, a focal point's vote counted for its
/// entity's stakeholder group.
#[tokio::test]
async fn points_of_agreement_over_http() {
    let app = spawn_demo();
    let open = "/consultations/example-affordable-access";
    let api = client().get(format!("{}/api/v1{open}/agreement", app.url)).send().await.expect("answer");
    assert_eq!(api.status(), StatusCode::OK);
    let body: serde_json::Value = api.json().await.expect("JSON");
    assert_eq!(body["statements"].as_array().map(Vec::len), Some(10), "{body}");
    assert_eq!(body["opinion_groups"].as_array().map(Vec::len), Some(2), "{body}");
    assert!(body["statements"][0]["stakeholder_groups"].as_array().is_some_and(|g| g.len() >= 4), "{body}");
    let missing =
        client().get(format!("{}/api/v1/consultations/nowhere/agreement", app.url)).send().await.expect("answer");
    assert_eq!(missing.status(), StatusCode::NOT_FOUND);
    let (status, _, votes) = get(&format!("{}{open}/votes.csv", app.url), "en").await;
    assert_eq!(status, StatusCode::OK);
    assert!(votes.starts_with("participant,statement,vote\n1,"), "{votes}");
    let (_, _, statements) = get(&format!("{}{open}/statements.csv", app.url), "en").await;
    assert_eq!(statements.lines().count(), 11, "ten accepted statements; the pending proposal is not published");

    // Every accepted statement is a leaf of the public log: its record hashes to what the leaf
    // commits to, and the proof leads to the signed root.
    let head: serde_json::Value = client()
        .get(format!("{}/api/v1/log/tree-head", app.url))
        .send()
        .await
        .expect("head")
        .json()
        .await
        .expect("JSON");
    let size = head["tree_size"].as_u64().expect("size");
    let record = client().get(format!("{}/api/v1/statements/1/record", app.url)).send().await.expect("record");
    let record = record.bytes().await.expect("bytes");
    let proof: serde_json::Value = client()
        .get(format!("{}/api/v1/statements/1/inclusion?tree_size={size}", app.url))
        .send()
        .await
        .expect("proof")
        .json()
        .await
        .expect("JSON");
    let hash = consulta_log::sha256(&record);
    assert_eq!(proof["sha256"].as_str(), Some(consulta_log::to_hex(&hash).as_str()), "{proof}");
    let path: Vec<[u8; 32]> = proof["inclusion_proof"]
        .as_array()
        .expect("a proof")
        .iter()
        .map(|h| consulta_log::from_hex(h.as_str().expect("hex")).expect("a hash"))
        .collect();
    let root = consulta_log::from_hex(head["root_hash"].as_str().expect("root")).expect("a hash");
    let leaf_index = proof["leaf_index"].as_u64().expect("index");
    assert!(consulta_log::verify_inclusion(&consulta_log::leaf_hash(&hash), leaf_index, size, &path, &root));
    // Ten accepted statements, numbered 1 to 10; the proposal waiting is the eleventh.
    let pending = statements.lines().count() as i64;
    let hidden = client().get(format!("{}/api/v1/statements/{pending}/record", app.url)).send().await.expect("answer");
    assert_eq!(hidden.status(), StatusCode::NOT_FOUND, "a proposal waiting for moderation is not public");

    // No cookie, no page token: refused, nothing counted.
    let forged = common::no_redirects()
        .post(format!("{}{open}/agreement/vote", app.url))
        .form(&[("csrf", "0".repeat(64).as_str()), ("statement", "1"), ("choice", "agree")])
        .send()
        .await
        .expect("answer");
    assert_eq!(forged.status(), StatusCode::FORBIDDEN);

    // The focal point votes for its entity, with its session's token.
    let (_, _, home) = get(&app.url, "en").await;
    let password = common::demo_password(&home, "focal-point@demo.example");
    let signed_in = common::sign_in_response(&app, "focal-point@demo.example", &password).await;
    let session = common::cookie_named(&signed_in, "consulta_session").expect("a session");
    let page = common::no_redirects()
        .get(format!("{}{open}/agreement", app.url))
        .header(reqwest::header::COOKIE, session.clone())
        .send()
        .await
        .expect("page")
        .text()
        .await
        .expect("HTML");
    assert!(page.contains("You are voting for Fictional Republic of Aurelia"), "{page}");
    let csrf = common::hidden_csrf(&page);
    let statement =
        page.split("name=\"statement\" value=\"").nth(1).and_then(|rest| rest.split('"').next()).expect("a statement");
    let voted = common::no_redirects()
        .post(format!("{}{open}/agreement/vote", app.url))
        .header(reqwest::header::COOKIE, session)
        .form(&[("csrf", csrf.as_str()), ("statement", statement), ("choice", "agree")])
        .send()
        .await
        .expect("answer");
    assert_eq!(voted.status(), StatusCode::SEE_OTHER);
    assert!(voted.headers()["location"].to_str().expect("ascii").ends_with("?done=voted#vote"));
}

/// The secretariat names a campaign of the demonstration on its page; the name heads the page
/// and the campaigns' list; a note without a name is refused with what is wrong.
#[tokio::test]
async fn the_secretariat_names_a_campaign_on_its_page() {
    use reqwest::header::COOKIE;
    let app = spawn_demo();
    let (_, _, home) = get(&app.url, "en").await;
    let (_, _, list) = get(&format!("{}/consultations/example-affordable-access/campaigns", app.url), "en").await;
    let path = list
        .split("href=\"")
        .filter_map(|s| s.split('"').next())
        .find(|href| href.starts_with("/consultations/example-affordable-access/campaigns/"))
        .expect("a campaign")
        .to_owned();
    let (_, _, public) = get(&format!("{}{path}", app.url), "en").await;
    assert!(!public.contains("/note\""), "the public sees no form");
    let password = common::demo_password(&home, "secretariat@demo.example");
    let signed_in = common::sign_in_response(&app, "secretariat@demo.example", &password).await;
    let session = common::cookie_named(&signed_in, "consulta_session").expect("signed in");
    let client = common::no_redirects();
    let page = client
        .get(format!("{}{path}", app.url))
        .header(COOKIE, &session)
        .send()
        .await
        .expect("page")
        .text()
        .await
        .expect("HTML");
    let id = path.rsplit('/').next().expect("an id");
    let action = format!("{}/admin/consultations/example-affordable-access/campaigns/{id}/note", app.url);
    let form = [
        ("csrf", common::hidden_csrf(&page)),
        ("name", "Letter on interconnection costs".to_owned()),
        ("note", "An example campaign of the demonstration.".to_owned()),
    ];
    let page = common::post_then_read(&app, &session, &action, &form).await;
    assert!(page.contains("The name and note were saved."), "{page}");
    assert!(page.contains(&format!("<h1>Letter on interconnection costs (Campaign {id})</h1>")), "{page}");
    let (_, _, list) = get(&format!("{}/consultations/example-affordable-access/campaigns", app.url), "en").await;
    assert!(list.contains(">Letter on interconnection costs</a>"), "{list}");
    let mut nameless = form.to_vec();
    nameless[1].1 = String::new();
    let refused = client.post(&action).header(COOKIE, &session).form(&nameless).send().await.expect("refused");
    assert_eq!(refused.status(), StatusCode::BAD_REQUEST);
    assert!(refused.text().await.expect("HTML").contains("name cannot be empty when it has a note."));
    // Without the page's token: refused.
    let mut forged = form.to_vec();
    forged[0].1 = "0".repeat(64);
    let refused = client.post(&action).header(COOKIE, &session).form(&forged).send().await.expect("refused");
    assert_ne!(refused.status(), StatusCode::SEE_OTHER);
}

/// The text of a page as a reader sees it: its tags and their attributes left out, the entities
/// that stand for characters put back.
fn visible_text(html: &str) -> String {
    let mut text = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                text.push(' ');
            }
            _ if !in_tag => text.push(c),
            _ => {}
        }
    }
    let text = text
        .replace("&amp;", "&")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">");
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The demo reads in each UN language: on every page, public and the secretariat's, no message
/// is left in English and no message's key shows, in Arabic, Chinese, Russian, Spanish and French.
/// English messages of three words or more are looked for: shorter ones ("Civil society") are
/// words a contribution may use too.
#[tokio::test]
async fn the_demo_reads_in_each_language_with_no_english_left() {
    let app = spawn_demo();
    let (_, _, home) = get(&format!("{}/", app.url), "en").await;
    let password = common::demo_password(&home, "secretariat@demo.example");
    let signed_in = common::sign_in_response(&app, "secretariat@demo.example", &password).await;
    let session = common::cookie_named(&signed_in, "consulta_session").expect("a session");
    let source =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../i18n/locales/en.ftl")).expect("en.ftl");
    let english = consulta_i18n::Localizer::for_language("en").expect("en");
    // Single-line messages without arguments, as they show.
    let messages: Vec<(&str, String)> = source
        .lines()
        .filter_map(|line| line.split_once(" = "))
        .filter(|(key, value)| {
            key.chars().all(|c| c.is_ascii_lowercase() || c == '-' || c == '_') && !value.contains('{')
        })
        .map(|(key, _)| (key, english.text(key)))
        .filter(|(_, value)| value.split_whitespace().count() >= 3)
        .collect();
    assert!(messages.len() > 300, "{}", messages.len());
    let mut left = Vec::new();
    for language in ["ar", "zh", "ru", "es", "fr"] {
        for (_, path) in common::PUBLIC_PAGES.iter().chain(&common::SECRETARIAT_PAGES) {
            let response = client()
                .get(format!("{}{path}", app.url))
                .header("Accept-Language", language)
                .header(reqwest::header::COOKIE, &session)
                .send()
                .await
                .expect("answer");
            assert_eq!(response.status(), StatusCode::OK, "{path} in {language}");
            let html = response.text().await.expect("HTML");
            assert!(html.contains(&format!("<html lang=\"{language}\"")), "{path} in {language}");
            let text = visible_text(&html);
            for (key, value) in &messages {
                if text.contains(value.as_str()) {
                    left.push(format!("{language} {path}: {key} “{value}”"));
                }
                if text.contains(&format!(" {key} ")) && key.matches('-').count() >= 2 {
                    left.push(format!("{language} {path}: the key {key} shows"));
                }
            }
        }
    }
    assert!(left.is_empty(), "English left on translated pages:\n{}", left.join("\n"));
}
