//! `consulta follow-up` end to end: the action lines listed; a Decidim-style results file with a
//! wrong line refused whole, with its line and field; the file imported, exported and imported
//! again as it was; a commitment updated, and an update the rules forbid refused; facilitators
//! set by year. Then the demo's follow-up record on the web and in the API, in English and
//! French, and its open data read back by the import.

use crate::common::{Workspace, stderr, stdout};

const RESULTS: &str = "\
id,parent_id,title/en,description/en,start_date,end_date,status,progress,category/id,entity,action_lines
R1,,Connect rural schools (example),All schools of the north,2026-01-01,2027-12-31,In progress,40.0,3,Example Ministry,C2;C7
R2,R1,Connect 50 schools (example),,2026-01-01,2026-12-31,in_progress,80,3,Example Ministry,C2
R3,,Train librarians (example),,2026-03-01,,planned,,,Example Network,C4
";

#[test]
fn commitments_come_in_from_a_results_file_and_are_followed() {
    let ws = Workspace::new();
    assert!(ws.run(&["load-demo"]).status.success());
    let run = |args: &[&str]| ws.succeed(args);
    let lines = run(&["follow-up", "action-lines", "--format", "csv"]);
    assert_eq!(lines.lines().count(), 12, "a header and C1 to C11: {lines}");
    let before = run(&["follow-up", "commitments", "--format", "csv"]).lines().count();

    // A wrong line refuses the whole file, saying where.
    let wrong = RESULTS.replace("Example Network,C4", "Example Network,C14");
    let bad = ws.write("bad.csv", wrong.as_bytes());
    let refused = ws.run(&["follow-up", "import", bad.to_str().expect("path")]);
    assert!(!refused.status.success());
    assert!(
        stderr(&refused).contains("line 4, field action_lines: C14 is not an action line (C1 to C11)"),
        "{}",
        stderr(&refused)
    );
    let french = ws.run_in("fr", &["follow-up", "import", bad.to_str().expect("path")]);
    assert!(stderr(&french).contains("ligne 4, champ action_lines"), "{}", stderr(&french));
    assert_eq!(run(&["follow-up", "commitments", "--format", "csv"]).lines().count(), before, "nothing recorded");
    // The issues, draft and contribution a row names must be in the record.
    for (links, said) in [
        ("privacy;astrology,,", "line 2, field issues: astrology is not in the record"),
        ("privacy,NO/SUCH/1,", "line 2, field draft: NO/SUCH/1 is not in the record"),
        ("privacy,,999999", "line 2, field contribution: 999999 is not in the record"),
    ] {
        let file = format!(
            "id,title/en,entity,action_lines,issues,draft,contribution\nL1,A (example),Example Ministry,C2,{links}\n"
        );
        let linked = ws.write("linked.csv", file.as_bytes());
        let refused = ws.run(&["follow-up", "import", linked.to_str().expect("path")]);
        assert!(stderr(&refused).contains(said), "{said} in {}", stderr(&refused));
    }

    let good = ws.write("results.csv", RESULTS.as_bytes());
    let imported = run(&["follow-up", "import", good.to_str().expect("path"), "--on", "2026-06-30"]);
    assert!(imported.contains("Commitments added: 3; updated: 0."), "{imported}");
    let listed = run(&["follow-up", "commitments", "--action-line", "c2", "--format", "json"]);
    let listed: serde_json::Value = serde_json::from_str(&listed).expect("JSON");
    let ours: Vec<&serde_json::Value> =
        listed.as_array().expect("a list").iter().filter(|c| c["entity"] == "Example Ministry").collect();
    assert_eq!(ours.len(), 2, "R1 and R2 serve C2: {listed}");
    let r2 = ours.iter().find(|c| c["progress"] == 80).expect("R2")["id"].as_i64().expect("its number");

    // Exported, the file reads back as the same commitments: imported again, it changes none.
    let exported = ws.dir.path().join("exported.csv");
    run(&["follow-up", "export", "--output", exported.to_str().expect("path")]);
    let text = std::fs::read_to_string(&exported).expect("written");
    assert!(
        text.starts_with(
            "id,parent_id,title/en,description/en,start_date,end_date,status,progress,entity,action_lines"
        )
    );
    assert!(text.contains("R2,R1,Connect 50 schools (example)"), "{text}");
    let again = run(&["follow-up", "import", exported.to_str().expect("path")]);
    assert!(again.contains("Commitments added: 0;"), "{again}");

    // Updated: achieved; then going back is refused.
    let r2 = r2.to_string();
    run(&["follow-up", "update", &r2, "--status", "achieved", "--progress", "100", "--on", "2026-12-01"]);
    let back = ws.run(&["follow-up", "update", &r2, "--status", "in-progress", "--progress", "90"]);
    assert!(!back.status.success());
    assert!(stderr(&back).contains("a commitment achieved cannot become in progress"), "{}", stderr(&back));
    let below = ws.run(&["follow-up", "update", "999999", "--status", "planned", "--progress", "0"]);
    assert!(stderr(&below).contains("there is no commitment 999999"), "{}", stderr(&below));

    // Facilitators of a year.
    run(&[
        "follow-up",
        "facilitators",
        "--year",
        "2026",
        "--action-line",
        "C10",
        "--set",
        "Example Agency:lead,Example Forum:moderator",
    ]);
    let facilitators = run(&["follow-up", "facilitators", "--year", "2026"]);
    assert!(
        facilitators.contains("2026  C10  lead facilitator") && facilitators.contains("Example Forum"),
        "{facilitators}"
    );
    let bad_role = ws.run(&["follow-up", "facilitators", "--year", "2026", "--action-line", "C10", "--set", "X:chair"]);
    assert!(stderr(&bad_role).contains("write ORGANISATION:ROLE"), "{}", stderr(&bad_role));

    // The year's report, in the four formats, in English and French.
    // The year the file's commitments and the facilitators above were reported in.
    let year = "2026".to_owned();
    let report = run(&["report", "--kind", "follow-up", "--year", &year, "--format", "md"]);
    for expected in [
        "## I. Introduction",
        "## II. The action lines and their facilitators",
        "| C10 Ethical dimensions of the Information Society | Example Agency | — | Example Forum |",
        "## III. Progress by action line",
        "| Connect 50 schools (example) | Example Ministry | achieved | — | 100 % |",
        "## IV. Commitments not reported on",
    ] {
        assert!(report.contains(expected), "{expected} in {report}");
    }
    let french = ws.run_in("fr", &["report", "--kind", "follow-up", "--year", &year, "--format", "md"]);
    assert!(stdout(&french).contains("## III. Avancement par grande orientation"), "{}", stdout(&french));
    for (format, magic) in [("pdf", &b"%PDF"[..]), ("docx", &b"PK"[..]), ("html", &b"<!DOCTYPE html>"[..])] {
        let path = ws.dir.path().join(format!("follow-up.{format}"));
        run(&[
            "report",
            "--kind",
            "follow-up",
            "--year",
            &year,
            "--format",
            format,
            "--output",
            path.to_str().expect("path"),
        ]);
        assert!(std::fs::read(&path).expect("written").starts_with(magic), "{format}");
    }
    let no_year = ws.run(&["report", "--kind", "follow-up"]);
    assert!(!no_year.status.success(), "a follow-up report needs its year");
}

/// The demo's reporting rounds from the command line: last year's, closed, two reports filed
/// and two organisations late; this year's, open, its invitees reminded by email; a round over
/// an unknown entity or action line refused.
#[test]
fn reporting_rounds_say_who_reported_and_remind_the_others() {
    let ws = Workspace::new();
    assert!(ws.run(&["load-demo"]).status.success());
    let run = |args: &[&str]| ws.succeed(args);
    let last = run(&["follow-up", "round", "status", "example-progress-reports-last-year"]);
    assert!(last.contains("Reports received from 2 of the 4 organisations invited; late: 2."), "{last}");
    let csv = run(&["follow-up", "round", "status", "example-progress-reports-last-year", "--format", "csv"]);
    assert!(csv.contains("Fictional Republic of Dunmore,late,,"), "{csv}");
    assert!(csv.contains("Fictional Republic of Borealis,reported,"), "{csv}");
    let this = run(&["follow-up", "round", "status", "example-progress-reports"]);
    assert!(this.contains("Reports received from 0 of the 4 organisations invited; late: 0."), "{this}");
    // Only the demo's focal point (for Aurelia) has an account among the invitees.
    let reminded = run(&[
        "follow-up",
        "round",
        "remind",
        "example-progress-reports",
        "--public-url",
        "https://consult.example.org",
    ]);
    assert!(reminded.contains("Reminders queued: 1."), "{reminded}");
    let store = consulta_store::Database::from_location(&ws.db.display().to_string()).connect().expect("the record");
    let outbox = consulta_store::JobStore::mail_log(&*store, consulta_store::PageRequest { offset: 0, limit: 10 })
        .expect("the outbox");
    let reminder =
        outbox.items.iter().find(|m| m.subject.starts_with("Reminder: your progress report")).expect("queued");
    assert_eq!(reminder.to, "focal-point@demo.example");
    let closed = run(&[
        "follow-up",
        "round",
        "remind",
        "example-progress-reports-last-year",
        "--public-url",
        "https://consult.example.org",
    ]);
    assert!(closed.contains("Reminders queued: 0."), "a closed round reminds nobody: {closed}");
    let unknown = ws.run(&[
        "follow-up",
        "round",
        "open",
        "enhanced-cooperation-2010",
        "--year",
        "2010",
        "--action-lines",
        "C2",
        "--invite",
        "Nobody (example)",
    ]);
    assert!(stderr(&unknown).contains("there is no recorded entity Nobody (example)"), "{}", stderr(&unknown));
    let bad_line =
        ws.run(&["follow-up", "round", "open", "enhanced-cooperation-2010", "--year", "2010", "--action-lines", "C20"]);
    assert!(stderr(&bad_line).contains("C20 is not an action line"), "{}", stderr(&bad_line));
    let twice =
        ws.run(&["follow-up", "round", "open", "example-progress-reports", "--year", "2026", "--action-lines", "C2"]);
    assert!(stderr(&twice).contains("is a reporting round already"), "{}", stderr(&twice));

    // A round whose invitees an invitation campaign chooses (an accreditation list's entities
    // with a contact), each contact sent the campaign's link to the round.
    ws.create_open_consultation("example-media-reports");
    let list = ws.write(
        "wsis.csv",
        "entity,stakeholder_group,country,focal_point_email,focal_point_name,language\n\
         Example Press Freedom Collective,civil_society,MX,press@example.org,Ana Ruiz,es\n\
         Example Library Federation,civil_society,CA,library@example.org,Lee Chan,fr\n\
         Example Chamber of Commerce,private_sector,,,,\n"
            .as_bytes(),
    );
    run(&["list", "import", list.to_str().expect("path"), "--list", "wsis"]);
    let open = ["follow-up", "round", "open", "example-media-reports", "--year", "2026", "--action-lines", "C9"];
    let unknown_list = ws.run(&[&open[..], &["--list", "nope"]].concat());
    assert!(stderr(&unknown_list).contains("nope"), "{}", stderr(&unknown_list));
    let opened = run(&[
        &open[..],
        &["--list", "wsis", "--invite", "Fictional Republic of Estria", "--public-url", "https://consult.example.org"],
    ]
    .concat());
    assert!(opened.contains("organisations invited: 3"), "the list's two with a contact and the one named: {opened}");
    assert!(opened.contains("2 invitations queued"), "{opened}");
    let status = run(&["follow-up", "round", "status", "example-media-reports", "--format", "csv"]);
    for due in
        ["Example Library Federation,due", "Example Press Freedom Collective,due", "Fictional Republic of Estria,due"]
    {
        assert!(status.contains(due), "{due} in {status}");
    }
    let store = consulta_store::Database::from_location(&ws.db.display().to_string()).connect().expect("the record");
    let outbox = consulta_store::JobStore::mail_log(&*store, consulta_store::PageRequest { offset: 0, limit: 20 })
        .expect("the outbox");
    let invitation = outbox.items.iter().find(|m| m.to == "press@example.org").expect("invited");
    assert!(invitation.subject.starts_with("Invitación:"), "in the contact's language: {}", invitation.subject);
}

/// The demo's follow-up record on the web: the action lines with their facilitators and
/// commitments, an action line's page, a commitment's timeline with its chart, in English and
/// French, the API and the open data file.
#[tokio::test]
async fn the_demo_follow_up_record_on_the_web() {
    let app = crate::common::spawn_demo();
    let client = reqwest::Client::new();
    let get = |path: &str| {
        let (client, url) = (client.clone(), format!("{}{path}", app.url));
        async move {
            let response = client.get(&url).send().await.expect("answer");
            assert!(response.status().is_success(), "{url}: {}", response.status());
            response.text().await.expect("body")
        }
    };
    let index = get("/action-lines").await;
    assert!(index.contains("Information and communication infrastructure"), "{index}");
    assert!(index.contains("Example Agency for Telecommunications (invented)"));
    let french = get("/action-lines/C2?lang=fr").await;
    assert!(french.contains("Infrastructure de l’information et de la communication"), "{french}");
    assert!(french.contains("facilitateur principal"));
    let commitment = get("/commitments/1").await;
    assert!(commitment.contains("Connect every public school to broadband (invented example)"));
    assert!(commitment.contains("<svg class=\"chart\" role=\"img\""), "the chart, drawn on the server");
    assert!(commitment.contains("in progress, 55 %"), "the second year's report: {commitment}");
    let api: serde_json::Value = serde_json::from_str(&get("/api/v1/commitments/1").await).expect("JSON");
    assert_eq!(api["updates"].as_array().map(Vec::len), Some(2), "two reporting years: {api}");
    assert_eq!(api["action_lines"][0]["code"], "C2");
    let lines: serde_json::Value = serde_json::from_str(&get("/api/v1/action-lines").await).expect("JSON");
    assert_eq!(lines.as_array().map(Vec::len), Some(11));
    // A round says which of the Commission's sessions its reports inform: the next year's.
    let round: serde_json::Value =
        serde_json::from_str(&get("/api/v1/reporting-rounds/example-progress-reports").await).expect("JSON");
    let year = round["year"].as_i64().expect("its year");
    assert_eq!(round["informs"]["year"].as_i64(), Some(year + 1), "{round}");
    let expected = if (year + 1 - 2007) % 2 == 0 { "review" } else { "policy" };
    assert_eq!(round["informs"]["session"], expected, "review sessions in 2007, 2009…: {round}");
    let missing = client.get(format!("{}/action-lines/C12", app.url)).send().await.expect("answer");
    assert_eq!(missing.status(), reqwest::StatusCode::NOT_FOUND);
    // The implementation record, filtered by region and by stakeholder group.
    let african = get("/commitments?region=african&lang=fr").await;
    assert!(african.contains("Engagements affichés : 2"), "Aurelia's two: {african}");
    let governments: serde_json::Value =
        serde_json::from_str(&get("/api/v1/commitments?group=government&development=developing").await).expect("JSON");
    let entities: Vec<&str> =
        governments.as_array().expect("a list").iter().filter_map(|c| c["entity"].as_str()).collect();
    assert!(!entities.is_empty() && entities.iter().all(|e| e.starts_with("Fictional Republic of")), "{entities:?}");
    assert!(!entities.contains(&"Fictional Republic of Aurelia"), "Aurelia is among the least developed: {entities:?}");
    let unknown = client.get(format!("{}/commitments?region=mars", app.url)).send().await.expect("answer");
    assert_eq!(unknown.status(), reqwest::StatusCode::BAD_REQUEST);
    let csv = get("/open-data/commitments.csv").await;
    let rows = consulta_followup::read_results(csv.as_bytes()).expect("the import reads the open data back");
    let ex5 = rows.iter().find(|r| r.id == "EX-5").expect("EX-5");
    assert_eq!(ex5.status, consulta_followup::CommitmentStatus::Dropped);
    assert_eq!(
        (ex5.issues.join(";"), ex5.draft.as_deref()),
        ("interconnection_costs;affordability".into(), Some("EXAMPLE/DRAFT/1"))
    );
    // By issue: what a commitment serves, and where it came from, on its page.
    let affordable = get("/commitments?issue=affordability").await;
    assert!(affordable.contains("Commitments shown: 3"), "{affordable}");
    let dropped =
        get(&format!("/commitments/{}", api_id(&get("/api/v1/commitments?issue=interconnection_costs").await))).await;
    assert!(
        dropped.contains("<a href=\"/drafts/EXAMPLE/DRAFT/1\">")
            && dropped.contains("International interconnection costs"),
        "{dropped}"
    );
    assert!(get("/open-data/facilitators.csv").await.starts_with("year,action_line,organisation,role\n"));
    // A client's copy of the current version is answered 304, without the file.
    let first = client.get(format!("{}/open-data/commitments.csv", app.url)).send().await.expect("answer");
    let etag = first.headers()[reqwest::header::ETAG].clone();
    let again = client
        .get(format!("{}/open-data/commitments.csv", app.url))
        .header(reqwest::header::IF_NONE_MATCH, etag)
        .send()
        .await
        .expect("answer");
    assert_eq!(again.status(), reqwest::StatusCode::NOT_MODIFIED);
}

/// The number of the one commitment an API listing gives.
fn api_id(listing: &str) -> i64 {
    let listing: serde_json::Value = serde_json::from_str(listing).expect("JSON");
    let list = listing.as_array().expect("a list");
    assert_eq!(list.len(), 1, "{listing}");
    list[0]["id"].as_i64().expect("its number")
}
