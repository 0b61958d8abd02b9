//! End to end in a real browser: Debian's headless Chromium, driven through chromedriver,
//! reads the demo consultation as a person would. When CI=true a missing browser fails the
//! test; elsewhere the test is skipped with a loud message.
//! Set CONSULTA_SCREENSHOTS=<dir> to keep screenshots of the pages it visits.

use crate::common::{self, PUBLIC_PAGES, SECRETARIAT_PAGES};

use std::net::TcpListener;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;

const DEMO: &str = "/consultations/enhanced-cooperation-2010";

struct ChromeDriver {
    child: Child,
    url: String,
}

impl Drop for ChromeDriver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn find_program(names: &[&str]) -> Option<std::path::PathBuf> {
    let path = std::env::var_os("PATH").unwrap_or_default();
    names
        .iter()
        .find_map(|name| std::env::split_paths(&path).map(|dir| dir.join(name)).find(|candidate| candidate.is_file()))
}

/// Starts chromedriver on a free port, or says why it cannot.
fn start_chromedriver() -> Result<(ChromeDriver, std::path::PathBuf), String> {
    let driver = find_program(&["chromedriver"]).ok_or("chromedriver is not installed (Debian: chromium-driver)")?;
    let browser =
        find_program(&["chromium", "chromium-browser"]).ok_or("chromium is not installed (Debian: chromium)")?;
    let port = TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).map_err(|e| e.to_string())?.port();
    let child = Command::new(driver)
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| format!("chromedriver does not start: {e}"))?;
    let driver = ChromeDriver { child, url: format!("http://127.0.0.1:{port}") };
    let deadline = Instant::now() + Duration::from_secs(20);
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        if Instant::now() > deadline {
            return Err("chromedriver did not listen within 20 s".to_owned());
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    Ok((driver, browser))
}

/// Chromedriver and the browser; without them, CI fails and elsewhere the test is skipped
/// with a loud message.
fn chromedriver_or_skip() -> Option<(ChromeDriver, std::path::PathBuf)> {
    match start_chromedriver() {
        Ok(started) => Some(started),
        Err(why) if std::env::var("CI").as_deref() == Ok("true") => panic!("CI needs the browser: {why}"),
        Err(why) => {
            eprintln!("\n*** SKIPPED the Chromium end-to-end test: {why}. Install chromium and chromium-driver. ***\n");
            None
        }
    }
}

async fn browser(driver: &ChromeDriver, binary: &std::path::Path, width: u32, height: u32) -> Client {
    let mut capabilities = serde_json::Map::new();
    let mut options = serde_json::json!({
        "binary": binary,
        "args": [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
            format!("--window-size={width},{height}"),
        ],
    });
    // A headless window is never narrower than 500 px: a phone's width is emulated.
    if width < 500 {
        options["mobileEmulation"] =
            serde_json::json!({ "deviceMetrics": { "width": width, "height": height, "pixelRatio": 1.0 } });
    }
    capabilities.insert("goog:chromeOptions".to_owned(), options);
    ClientBuilder::new(HttpConnector::new())
        .capabilities(capabilities)
        .connect(&driver.url)
        .await
        .expect("chromedriver opens a Chromium session")
}

async fn screenshot(client: &Client, name: &str) {
    if let Some(dir) = std::env::var_os("CONSULTA_SCREENSHOTS") {
        let png = client.screenshot().await.expect("a screenshot");
        std::fs::write(std::path::Path::new(&dir).join(name), png).expect("screenshot written");
    }
}

async fn table_cells(client: &Client) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    for row in client.find_all(Locator::Css("#distribution tbody tr, #distribution tfoot tr")).await.expect("rows") {
        let mut cells = Vec::new();
        for cell in row.find_all(Locator::Css("th, td")).await.expect("cells") {
            cells.push(cell.text().await.expect("cell text"));
        }
        rows.push(cells);
    }
    rows
}

#[tokio::test]
async fn the_demo_page_reads_right_in_chromium() {
    let Some((driver, binary)) = chromedriver_or_skip() else { return };
    let app = common::spawn_demo();
    let client = browser(&driver, &binary, 1280, 1000).await;

    client.goto(&format!("{}{DEMO}", app.url)).await.expect("the page opens");
    // Chromium asks in English by default; the visible switch turns the page to French.
    client.find(Locator::Css("nav.languages a[hreflang=fr]")).await.expect("the switch").click().await.expect("click");
    client.wait().for_element(Locator::Css("html[lang=fr]")).await.expect("the page turns French");
    assert_eq!(
        table_cells(&client).await,
        [
            ["Gouvernements", "11", "13", "8", "32"],
            ["Organisations internationales", "7", "1", "0", "8"],
            ["Société civile", "32", "7", "3", "42"],
            ["Secteur privé", "9", "5", "2", "16"],
            ["Total", "59", "26", "13", "98"],
        ]
    );
    let caption =
        client.find(Locator::Css("#distribution caption")).await.expect("caption").text().await.expect("text");
    assert_eq!(caption, "Répartition des contributions reçues");
    screenshot(&client, "consultation-fr.png").await;

    // The filter form works without JavaScript, and the language choice is remembered.
    client
        .find(Locator::Css("select#group option[value=civil_society]"))
        .await
        .expect("option")
        .click()
        .await
        .expect("select");
    client.find(Locator::Css("form.filters button")).await.expect("button").click().await.expect("submit");
    client.wait().for_url(&url_with_group(&app.url)).await.expect("the filtered page");
    let count = client.find(Locator::Css("p.count")).await.expect("count").text().await.expect("text");
    assert!(count.starts_with("42 contributions"), "{count}");
    client.close().await.expect("the browser closes");

    // Readable on a phone: nothing wider than the screen but the table's own scroll box.
    let phone = browser(&driver, &binary, 390, 844).await;
    phone.goto(&format!("{}{DEMO}", app.url)).await.expect("the page opens");
    let overflow = phone
        .execute("return document.documentElement.scrollWidth <= window.innerWidth;", vec![])
        .await
        .expect("script runs");
    assert_eq!(overflow, serde_json::Value::Bool(true), "the page scrolls sideways on a phone");
    screenshot(&phone, "consultation-phone.png").await;
    phone.goto(&format!("{}/", app.url)).await.expect("the list opens");
    screenshot(&phone, "consultations-phone.png").await;
    phone.close().await.expect("the browser closes");
}

#[tokio::test]
async fn a_contribution_is_sent_with_a_file_from_chromium_without_javascript() {
    let Some((driver, binary)) = chromedriver_or_skip() else { return };
    let ws = common::Workspace::new();
    ws.create_open_consultation("open");
    let file = ws.write("views.txt", "Example views, invented for a test.\n".as_bytes());
    let app = common::spawn_serve(&ws.db);
    let client = browser(&driver, &binary, 1280, 1000).await;
    client.goto(&format!("{}/consultations/open", app.url)).await.expect("the page opens");
    for (field, value) in [
        ("#f-entity", "Example Library Federation"),
        ("#f-email", "contact@example.org"),
        ("#f-title", "Example: views on multilingualism"),
        ("#f-body", "Example text, invented for a test."),
    ] {
        client.find(Locator::Css(field)).await.expect("field").send_keys(value).await.expect("typing");
    }
    client
        .find(Locator::Css("#f-stakeholder_group option[value=civil_society]"))
        .await
        .expect("option")
        .click()
        .await
        .expect("select");
    client.find(Locator::Css("#f-country option[value=CA]")).await.expect("option").click().await.expect("select");
    client
        .find(Locator::Css("#f-files"))
        .await
        .expect("file input")
        .send_keys(&file.display().to_string())
        .await
        .expect("attach");
    screenshot(&client, "form-filled.png").await;
    client.find(Locator::Css(".contribute button[type=submit]")).await.expect("button").click().await.expect("submit");
    client.wait().for_element(Locator::Css("p.done")).await.expect("the receipt page");
    let heading = client.find(Locator::Css("h1")).await.expect("h1").text().await.expect("text");
    assert_eq!(heading, "Receipt for contribution 1");
    let files = client.find(Locator::Css("ul.files")).await.expect("files").text().await.expect("text");
    assert!(files.contains("views.txt"), "{files}");
    screenshot(&client, "receipt.png").await;
    client.close().await.expect("the browser closes");
}

fn url_with_group(base: &str) -> url::Url {
    url::Url::parse(&format!("{base}{DEMO}?group=civil_society&channel=#contributions")).expect("a URL")
}

#[tokio::test]
async fn the_demo_record_is_searched_and_narrowed_in_chromium_without_javascript() {
    let Some((driver, binary)) = chromedriver_or_skip() else { return };
    let app = common::spawn_demo();
    let client = browser(&driver, &binary, 1280, 1000).await;
    client.goto(&format!("{}/?lang=fr", app.url)).await.expect("the page opens");
    client
        .find(Locator::Css("nav.sections a[href='/search']"))
        .await
        .expect("the search link")
        .click()
        .await
        .expect("click");
    client.wait().for_element(Locator::Css("input#q")).await.expect("the search page");
    // The demo's index fills in the background as the server starts: search until it answers.
    let deadline = Instant::now() + Duration::from_secs(20);
    let first_count = loop {
        let input = client.find(Locator::Css("input#q")).await.expect("the box");
        input.clear().await.expect("clear");
        input.send_keys("coopération renforcée").await.expect("typing");
        client.find(Locator::Css("form.search button")).await.expect("button").click().await.expect("submit");
        client.wait().for_element(Locator::Css("p#results-count")).await.expect("results");
        let count = client.find(Locator::Css("p#results-count")).await.expect("count").text().await.expect("text");
        if !count.starts_with("Aucune") || Instant::now() > deadline {
            break count;
        }
        tokio::time::sleep(Duration::from_millis(300)).await;
    };
    let total: u64 = first_count.split_whitespace().next().and_then(|n| n.parse().ok()).expect("a count");
    assert!(total > 0, "{first_count}");
    let highlighted = client.find_all(Locator::Css("ol.results .snippet b")).await.expect("highlights");
    assert!(!highlighted.is_empty(), "matched words are highlighted");
    screenshot(&client, "search-fr.png").await;

    // A facet is a link: following it narrows the results and shows a filter that can be removed.
    let facet =
        client.find(Locator::XPath("//section[@class='facet'][h3='Langue']//a")).await.expect("a language facet");
    let label = facet.text().await.expect("label");
    facet.click().await.expect("follow");
    client.wait().for_element(Locator::Css("ul.active-filters a")).await.expect("the active filter");
    let narrowed = client.find(Locator::Css("p#results-count")).await.expect("count").text().await.expect("text");
    let narrowed_total: u64 = narrowed.split_whitespace().next().and_then(|n| n.parse().ok()).unwrap_or(1);
    assert!(narrowed_total <= total, "{narrowed} after {first_count}");
    let chip = client.find(Locator::Css("ul.active-filters a")).await.expect("chip").text().await.expect("text");
    assert!(chip.contains(&label), "{chip} names {label}");
    client.close().await.expect("the browser closes");

    let phone = browser(&driver, &binary, 390, 844).await;
    phone.goto(&format!("{}/search?q=internet", app.url)).await.expect("the page opens");
    let fits = phone
        .execute("return document.documentElement.scrollWidth <= window.innerWidth;", vec![])
        .await
        .expect("script runs");
    assert_eq!(fits, serde_json::Value::Bool(true), "the search page scrolls sideways on a phone");
    screenshot(&phone, "search-phone.png").await;
    phone.close().await.expect("the browser closes");
}

#[tokio::test]
async fn the_secretariat_signs_in_and_withholds_a_contribution_in_chromium() {
    let Some((driver, binary)) = chromedriver_or_skip() else { return };
    let ws = common::Workspace::new();
    ws.create_open_consultation("open");
    let file = ws.write(
        "one.csv",
        b"entity,stakeholder_group,country,channel,submitted_at,language,title,body,meeting\n\
          Example Network,civil_society,KE,written,2026-01-05,en,Example views,Example text,\n",
    );
    ws.import(&file, "open");
    let created = Command::new(common::CONSULTA)
        .arg("--db")
        .arg(&ws.db)
        .args(["admin", "create", "--email", "secretariat@example.org", "--name", "Secretariat Officer"])
        .env("CONSULTA_PASSWORD", "correct horse battery staple")
        .output()
        .expect("consulta runs");
    assert!(created.status.success());
    let app = common::spawn_serve(&ws.db);
    let client = browser(&driver, &binary, 1280, 1000).await;
    client.goto(&format!("{}/admin", app.url)).await.expect("the page opens");
    client.wait().for_element(Locator::Css("form.account")).await.expect("sent to sign in");
    client.find(Locator::Css("#email")).await.expect("field").send_keys("secretariat@example.org").await.expect("type");
    client
        .find(Locator::Css("#password"))
        .await
        .expect("field")
        .send_keys("correct horse battery staple")
        .await
        .expect("type");
    screenshot(&client, "login.png").await;
    client.find(Locator::Css("form.account button")).await.expect("button").click().await.expect("sign in");
    client.wait().for_element(Locator::Css("#moderation")).await.expect("back on the secretariat's page");
    screenshot(&client, "admin.png").await;
    client.find(Locator::Css("#m-contribution")).await.expect("field").send_keys("1").await.expect("type");
    client.find(Locator::Css("#m-reason")).await.expect("field").send_keys("personal data").await.expect("type");
    client.find(Locator::Css("button[value=withhold]")).await.expect("button").click().await.expect("withhold");
    client.wait().for_element(Locator::Css("p.done")).await.expect("done");
    let notice = client.find(Locator::Css("p.done")).await.expect("notice").text().await.expect("text");
    assert_eq!(notice, "The contribution is withheld.");
    client.find(Locator::Css("form.sign-out button")).await.expect("sign out").click().await.expect("click");
    client.wait().for_element(Locator::Css("form.account")).await.expect("signed out");
    client.close().await.expect("the browser closes");
}

/// The text of `selector` once `ready` holds for it (the page a form leads to may take a moment
/// to come), or what it is after 15 seconds.
async fn text_once(client: &Client, selector: &str, ready: impl Fn(&str) -> bool) -> String {
    let deadline = Instant::now() + Duration::from_secs(15);
    loop {
        let text = match client.find(Locator::Css(selector)).await {
            Ok(element) => element.text().await.unwrap_or_default(),
            Err(_) => String::new(),
        };
        if ready(&text) || Instant::now() > deadline {
            return text;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// A member of the public votes on the demo's statements with plain forms (no script), one at a
/// time, and proposes one; the secretariat accepts it from the moderation queue.
#[tokio::test]
async fn points_of_agreement_are_voted_on_and_moderated_in_chromium_without_javascript() {
    let Some((driver, binary)) = chromedriver_or_skip() else { return };
    let app = common::spawn_demo();
    let client = browser(&driver, &binary, 1280, 1000).await;
    client.goto(&format!("{}/consultations/example-affordable-access?lang=en", app.url)).await.expect("the page opens");
    client.find(Locator::Css("p.agreement-link a")).await.expect("the link").click().await.expect("follow");
    client.wait().for_element(Locator::Css("form.vote")).await.expect("the vote card");
    let javascript = client.execute("return document.querySelectorAll('script').length;", vec![]).await.expect("runs");
    assert_eq!(javascript, serde_json::json!(0), "the page needs no script");
    assert_eq!(client.find_all(Locator::Css(".opinion-map circle")).await.expect("dots").len(), 94);
    assert!(client.find(Locator::Css("#table-stakeholder_group")).await.is_ok(), "the stakeholder groups' table");
    screenshot(&client, "agreement.png").await;
    let remaining = |text: String| text.split_whitespace().next().and_then(|n| n.parse::<u32>().ok()).unwrap_or(0);
    let before =
        remaining(client.find(Locator::Css("form.vote p.meta")).await.expect("count").text().await.expect("text"));
    assert_eq!(before, 10);
    for choice in ["agree", "disagree", "pass"] {
        let first =
            client.find(Locator::Css("form.vote blockquote")).await.expect("statement").text().await.expect("text");
        client
            .find(Locator::Css(&format!("form.vote button[value={choice}]")))
            .await
            .expect("button")
            .click()
            .await
            .expect("vote");
        // The same page comes back with the next statement.
        let next = text_once(&client, "form.vote blockquote", |shown| !shown.is_empty() && shown != first).await;
        assert!(client.find(Locator::Css("p.done")).await.is_ok(), "the vote is said to be recorded");
        assert_ne!(first, next, "the next statement is another");
    }
    let after =
        remaining(client.find(Locator::Css("form.vote p.meta")).await.expect("count").text().await.expect("text"));
    assert_eq!(after, before - 3);
    client
        .find(Locator::Css("#p-text"))
        .await
        .expect("field")
        .send_keys("Example: rural clinics should be connected first.")
        .await
        .expect("type");
    client.find(Locator::Css("#propose ~ form button")).await.expect("button").click().await.expect("propose");
    // The page before said the last vote was recorded: wait for the notice of the proposal.
    let notice = text_once(&client, "p.done", |notice| notice.contains("secretariat")).await;
    assert!(notice.contains("secretariat"), "{notice}");

    sign_in_as_secretariat(&client, &app).await;
    client.goto(&format!("{}/admin/agreement", app.url)).await.expect("the page opens");
    client.wait().for_element(Locator::Css("ol.moderation-queue")).await.expect("the queue");
    let queue = client.find(Locator::Css("ol.moderation-queue")).await.expect("queue").text().await.expect("text");
    assert!(queue.contains("rural clinics") && queue.contains("schools and libraries"), "{queue}");
    screenshot(&client, "admin-agreement.png").await;
    client
        .find(Locator::Css("ol.moderation-queue li:last-child button[value=accept]"))
        .await
        .expect("accept")
        .click()
        .await
        .expect("click");
    client.wait().for_element(Locator::Css("p.done")).await.expect("accepted");
    let queue = client.find(Locator::Css("section")).await.expect("queue").text().await.expect("text");
    assert!(!queue.contains("rural clinics"), "{queue}");
    client.close().await.expect("the browser closes");
}

/// Signs the browser in as the demo's secretariat.
async fn sign_in_as_secretariat(client: &Client, app: &common::App) {
    sign_in_as(client, app, "secretariat@demo.example").await;
    client.wait().for_element(Locator::Css("#moderation")).await.expect("signed in");
}

/// Signs the browser in with one of the demo's accounts.
async fn sign_in_as(client: &Client, app: &common::App, email: &str) {
    let home = reqwest::get(&app.url).await.expect("home").text().await.expect("HTML");
    let password = common::demo_password(&home, email);
    client.goto(&format!("{}/login", app.url)).await.expect("the page opens");
    client.find(Locator::Css("#email")).await.expect("field").send_keys(email).await.expect("type");
    client.find(Locator::Css("#password")).await.expect("field").send_keys(&password).await.expect("type");
    client.find(Locator::Css("form.account button")).await.expect("button").click().await.expect("sign in");
    // Signed in, the browser leaves the sign-in page for the account's landing page.
    let started = Instant::now();
    while client.current_url().await.expect("url").path() == "/login" {
        assert!(started.elapsed() < Duration::from_secs(10), "{email} could not sign in");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Every page of the demo, the secretariat's included, fits a 360 px phone without sideways
/// scrolling, in English, French, Arabic (right to left) and Chinese; with CONSULTA_SCREENSHOTS
/// set, each is kept at 360 px and at 1366 px, to be looked at.
#[tokio::test]
async fn every_page_fits_a_phone_in_english_french_arabic_and_chinese() {
    let Some((driver, binary)) = chromedriver_or_skip() else { return };
    let app = common::spawn_demo();
    for (width, height) in [(360, 780), (1366, 900)] {
        let client = browser(&driver, &binary, width, height).await;
        for language in ["en", "fr", "ar", "zh"] {
            // The language switch sets the cookie every later page follows.
            client.goto(&format!("{}/?lang={language}", app.url)).await.expect("the page opens");
            if language == "en" {
                sign_in_as_secretariat(&client, &app).await;
            }
            for (name, path) in PUBLIC_PAGES.iter().chain(&SECRETARIAT_PAGES) {
                client.goto(&format!("{}{path}", app.url)).await.expect("the page opens");
                let fits = client
                    .execute("return [document.documentElement.scrollWidth, window.innerWidth];", vec![])
                    .await
                    .expect("script runs");
                let [page, window] = [fits[0].as_u64().unwrap_or(0), fits[1].as_u64().unwrap_or(0)];
                assert!(page <= window, "{path} in {language} is {page} px wide in a {window} px window");
                screenshot(&client, &format!("{name}-{language}-{width}.png")).await;
            }
        }
        client.close().await.expect("the browser closes");
    }
}

/// axe-core's script (npm `axe-core`, which `.ci/run` installs into `node_modules/`); None
/// where it is not installed.
fn axe_source() -> Option<String> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let path = std::env::var_os("CONSULTA_AXE")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| root.join("node_modules/axe-core/axe.min.js"));
    std::fs::read_to_string(path).ok()
}

/// Every page, public and the secretariat's, in English, French and Arabic, passes axe-core's
/// WCAG 2.1 A and AA rules with no violation.
#[tokio::test]
async fn every_page_meets_wcag_2_1_aa_by_axe() {
    let Some((driver, binary)) = chromedriver_or_skip() else { return };
    let Some(axe) = axe_source() else {
        if std::env::var("CI").as_deref() == Ok("true") {
            panic!("CI needs axe-core: npm install axe-core (into node_modules/)");
        }
        eprintln!("\n*** SKIPPED the accessibility test: axe-core is not installed (npm install axe-core). ***\n");
        return;
    };
    let app = common::spawn_demo();
    let client = browser(&driver, &binary, 1366, 900).await;
    let mut found = Vec::new();
    for language in ["en", "fr", "ar"] {
        client.goto(&format!("{}/?lang={language}", app.url)).await.expect("the page opens");
        for (signed_in, pages) in [(false, &PUBLIC_PAGES[..]), (true, &SECRETARIAT_PAGES[..])] {
            if signed_in && language == "en" {
                sign_in_as_secretariat(&client, &app).await;
            }
            for (_, path) in pages {
                client.goto(&format!("{}{path}", app.url)).await.expect("the page opens");
                client.execute(&axe, vec![]).await.expect("axe loads");
                let violations = client
                    .execute_async(
                        "const done = arguments[arguments.length - 1];
                         axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
                           .then(r => done(r.violations.map(v => v.id + ' (' + v.impact + '): ' + v.help + ' — '
                               + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', '))))
                           .catch(e => done(['axe failed: ' + e]));",
                        vec![],
                    )
                    .await
                    .expect("axe runs");
                for violation in violations.as_array().into_iter().flatten() {
                    found.push(format!("{path} ({language}): {}", violation.as_str().unwrap_or("?")));
                }
            }
        }
    }
    client.close().await.expect("the browser closes");
    assert!(found.is_empty(), "{} violations:\n{}", found.len(), found.join("\n"));
}

/// A focal point proposes an amendment to the demo's draft and supports another, with no
/// script, and the compilation text shows it in brackets with its entity; the secretariat then
/// accepts it into the next revision.
#[tokio::test]
async fn a_focal_point_amends_a_draft_in_chromium_without_javascript() {
    let Some((driver, binary)) = chromedriver_or_skip() else { return };
    let app = common::spawn_demo();
    let client = browser(&driver, &binary, 1280, 1000).await;
    client.goto(&format!("{}/?lang=en", app.url)).await.expect("the page opens");
    sign_in_as(&client, &app, "focal-point@demo.example").await;
    client.goto(&format!("{}/drafts/EXAMPLE/DRAFT/1", app.url)).await.expect("the page opens");
    let javascript = client.execute("return document.querySelectorAll('script').length;", vec![]).await.expect("runs");
    assert_eq!(javascript, serde_json::json!(0), "the page needs no script");
    let field = |id: &'static str| {
        let client = client.clone();
        async move { client.find(Locator::Css(id)).await.expect("field") }
    };
    field("#am-place").await.send_keys("4/b").await.expect("type");
    field("#am-words").await.send_keys("la création de points").await.expect("type");
    field("#am-by").await.send_keys("la création et le maintien de points").await.expect("type");
    field("#am-justification").await.send_keys("An invented example.").await.expect("type");
    screenshot(&client, "draft-amend.png").await;
    client
        .find(Locator::Css("form[action='/draft-amendments'] button"))
        .await
        .expect("button")
        .click()
        .await
        .expect("send");
    client.wait().for_element(Locator::Css(".done")).await.expect("recorded");
    let receipt = client.find(Locator::Css("#receipt")).await.expect("receipt").text().await.expect("text");
    assert!(receipt.contains("Amendment 5 is recorded as entry") && receipt.contains("of the public log"), "{receipt}");
    let listed = client.find(Locator::Css("ol.amendments")).await.expect("list").text().await.expect("text");
    assert!(listed.contains("Amendment 5") && listed.contains("Fictional Republic of Aurelia"), "{listed}");
    // Support the pending amendment of another State.
    client
        .find(Locator::Css("form[action='/draft-stances'] button[value=support]"))
        .await
        .expect("button")
        .click()
        .await
        .expect("support");
    // The stance's own message: the page before it already had the amendment's.
    let stance = Locator::XPath("//*[contains(text(), 'Your stance is recorded.')]");
    client.wait().for_element(stance).await.expect("recorded");
    client.goto(&format!("{}/drafts/EXAMPLE/DRAFT/1?view=compilation", app.url)).await.expect("the page opens");
    let compilation = client.find(Locator::Css("pre.draft-text")).await.expect("text").text().await.expect("text");
    assert!(
        compilation.contains(
            "[la création de points] [la création et le maintien de points] (5: Fictional Republic of Aurelia)"
        ),
        "{compilation}"
    );
    client.close().await.expect("the browser closes");

    // The secretariat accepts it: Rev.2 holds the words.
    let client = browser(&driver, &binary, 1280, 1000).await;
    client.goto(&format!("{}/?lang=en", app.url)).await.expect("the page opens");
    sign_in_as_secretariat(&client, &app).await;
    client.goto(&format!("{}/drafts/EXAMPLE/DRAFT/1", app.url)).await.expect("the page opens");
    client
        .find(Locator::Css("input[name='decide:5'][value=accept]"))
        .await
        .expect("choice")
        .click()
        .await
        .expect("accept");
    client
        .find(Locator::Css("form[action='/admin/draft-revisions'] button"))
        .await
        .expect("button")
        .click()
        .await
        .expect("issue");
    client.wait().for_element(Locator::Css(".done")).await.expect("issued");
    let meta = client.find(Locator::Css("p.meta")).await.expect("meta").text().await.expect("text");
    assert!(meta.contains("Rev.2"), "{meta}");
    let text = client.find(Locator::Css("article.draft")).await.expect("text").text().await.expect("text");
    assert!(text.contains("la création et le maintien de points"), "{text}");
    assert_eq!(text.matches("(agreed ad referendum)").count(), 3, "the demo's marks carried to Rev.2: {text}");
    client.close().await.expect("the browser closes");
}

/// A focal point nominates a person to the demo's working group with no script; the
/// secretariat then sees the nomination and the solver's slate on the same page.
#[tokio::test]
async fn a_focal_point_nominates_to_a_body_in_chromium_without_javascript() {
    let Some((driver, binary)) = chromedriver_or_skip() else { return };
    let app = common::spawn_demo();
    let client = browser(&driver, &binary, 1280, 1000).await;
    client.goto(&format!("{}/?lang=en", app.url)).await.expect("the page opens");
    sign_in_as(&client, &app, "focal-point@demo.example").await;
    client.goto(&format!("{}/bodies/example-working-group", app.url)).await.expect("the page opens");
    let javascript = client.execute("return document.querySelectorAll('script').length;", vec![]).await.expect("runs");
    assert_eq!(javascript, serde_json::json!(0), "the page needs no script");
    let field = |id: &'static str| {
        let client = client.clone();
        async move { client.find(Locator::Css(id)).await.expect("field") }
    };
    field("#n-person").await.send_keys("Nominee Example-Browser").await.expect("type");
    field("#n-country").await.send_keys("QM").await.expect("type");
    field("#n-expertise").await.send_keys("access, security").await.expect("type");
    field("#n-priority").await.send_keys("1").await.expect("type");
    screenshot(&client, "body-nominate.png").await;
    client
        .find(Locator::Css("form[action='/body-nominations'] button"))
        .await
        .expect("button")
        .click()
        .await
        .expect("send");
    // The message the form leads to (the page's other "done" paragraph says the rules are met).
    client.wait().for_element(Locator::Css("p.done[role=status]")).await.expect("recorded");
    client.close().await.expect("the browser closes");

    let client = browser(&driver, &binary, 1280, 1000).await;
    client.goto(&format!("{}/?lang=en", app.url)).await.expect("the page opens");
    sign_in_as_secretariat(&client, &app).await;
    client.goto(&format!("{}/bodies/example-working-group", app.url)).await.expect("the page opens");
    let nominations =
        client.find(Locator::Css("#nominations + div table")).await.expect("table").text().await.expect("text");
    assert!(nominations.contains("Nominee Example-Browser"), "{nominations}");
    let solved =
        client.find(Locator::Css("section[aria-labelledby=solved]")).await.expect("slate").text().await.expect("text");
    assert!(solved.contains("The best slate of 16 meeting every rule"), "{solved}");
    client.close().await.expect("the browser closes");
}

/// A focal point finds its report due, files it through the round's consultation with no
/// script, and gets a receipt that `consulta verify` accepts; the round then shows it reported.
/// The same focal point then posts a project in the forum and finds it matched to a funder.
#[tokio::test]
async fn a_focal_point_files_a_progress_report_and_posts_in_the_forum_in_chromium_without_javascript() {
    let Some((driver, binary)) = chromedriver_or_skip() else { return };
    let app = common::spawn_demo();
    let client = browser(&driver, &binary, 1280, 1000).await;
    client.goto(&format!("{}/?lang=en", app.url)).await.expect("the page opens");
    sign_in_as(&client, &app, "focal-point@demo.example").await;
    client.goto(&format!("{}/reports-due", app.url)).await.expect("the page opens");
    let due = client.find(Locator::Css("main")).await.expect("main").text().await.expect("text");
    assert!(due.contains("Progress reports on infrastructure and capacity, this year (example)"), "{due}");
    assert!(due.contains("These reports inform the Commission"), "the session they feed: {due}");
    client
        .find(Locator::XPath("//a[text()='File your progress report']"))
        .await
        .expect("the link to the form")
        .click()
        .await
        .expect("follow");
    for (field, value) in [
        ("#f-email", "focal-point@demo.example"),
        ("#f-title", "Example: progress report on infrastructure"),
        ("#f-body", "Example text, invented for a test: 80 further schools connected in the year (C2)."),
    ] {
        client.find(Locator::Css(field)).await.expect("field").send_keys(value).await.expect("typing");
    }
    client.find(Locator::Css(".contribute button[type=submit]")).await.expect("button").click().await.expect("submit");
    // The receipt's own page (the consultation's page has a message of its own already).
    let started = Instant::now();
    let id: i64 = loop {
        let url = client.current_url().await.expect("url");
        let parts: Vec<&str> = url.path().split('/').collect();
        if let ["", "contributions", id, "receipt"] = parts.as_slice() {
            break id.parse().expect("the contribution's number");
        }
        if started.elapsed() > Duration::from_secs(10) {
            let main = client.find(Locator::Css("main")).await.expect("main").text().await.expect("text");
            panic!("no receipt at {url}: {main}");
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    screenshot(&client, "progress-report-receipt.png").await;

    let receipt = reqwest::get(format!("{}/contributions/{id}/receipt.json", app.url))
        .await
        .expect("answer")
        .text()
        .await
        .expect("the receipt");
    let dir = tempfile::tempdir().expect("temporary directory");
    let path = dir.path().join("receipt.json");
    std::fs::write(&path, receipt).expect("written");
    let verified = std::process::Command::new(common::CONSULTA)
        .args(["verify", path.to_str().expect("path"), "--server", &app.url])
        .env("CONSULTA_LANG", "en")
        .output()
        .expect("consulta verify runs");
    assert!(verified.status.success(), "{}", common::stdout(&verified));

    client.goto(&format!("{}/reports-due", app.url)).await.expect("the page opens");
    let after = client.find(Locator::Css("main")).await.expect("main").text().await.expect("text");
    assert!(after.contains("Your report is recorded."), "{after}");
    let round: serde_json::Value =
        reqwest::get(format!("{}/api/v1/reporting-rounds/example-progress-reports", app.url))
            .await
            .expect("answer")
            .json()
            .await
            .expect("JSON");
    let aurelia = round["invitees"]
        .as_array()
        .expect("invitees")
        .iter()
        .find(|i| i["name"] == "Fictional Republic of Aurelia")
        .expect("invited");
    assert_eq!((aurelia["standing"].as_str(), aurelia["report"].as_i64()), (Some("reported"), Some(id)));

    // The same focal point posts a project in the forum, with no script, and sees it matched.
    client.goto(&format!("{}/forum", app.url)).await.expect("the page opens");
    client.find(Locator::XPath("//a[text()='Post a project']")).await.expect("the link").click().await.expect("follow");
    for (field, value) in [
        ("#n-title", "Example: a data centre for the national library"),
        ("#n-description", "Invented for a test: a small data centre to keep the library's digitised collections."),
        ("#n-countries", "QM"),
        ("#n-budget", "120,000"),
        ("#n-contact", "library@aurelia.example"),
    ] {
        client.find(Locator::Css(field)).await.expect("field").send_keys(value).await.expect("typing");
    }
    client.find(Locator::Css("input[name=action_lines][value=C4]")).await.expect("box").click().await.expect("ticked");
    screenshot(&client, "forum-new.png").await;
    client.find(Locator::Css(".contribute button[type=submit]")).await.expect("button").click().await.expect("submit");
    client.wait().for_element(Locator::Css("#matches")).await.expect("the new item's page");
    let item = client.find(Locator::Css("main")).await.expect("main").text().await.expect("text");
    assert!(item.contains("Example: last-mile connectivity and skills grants"), "{item}");
    assert!(item.contains("Action lines both serve: C4"), "{item}");
    screenshot(&client, "forum-item.png").await;
    client.close().await.expect("the browser closes");
}
