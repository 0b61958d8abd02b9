//! Campaigns from the command line: form letters among contributions found again from the
//! record, listed, their members printed.

use crate::common::{Workspace, stderr, stdout};

const LETTER_EN: &str = "We urge the secretariat to recognise that international interconnection costs \
    weigh on developing countries, that a global forum open to every stakeholder should examine them, \
    and that its conclusions should be published in every official language without delay.";
const LETTER_FR: &str = "Nous demandons au secrétariat de reconnaître que les coûts d'interconnexion \
    internationale pèsent sur les pays en développement, qu'un forum mondial ouvert à toutes les parties \
    prenantes devrait les examiner et que ses conclusions devraient être publiées sans délai.";

#[test]
fn form_letters_are_found_listed_and_their_members_printed() {
    let ws = Workspace::new();
    ws.create_consultation("s", "2010-09-01", "2010-12-31");
    let mut csv = String::from("entity,stakeholder_group,country,channel,submitted_at,language,title,body,meeting\n");
    let mut row = |entity: &str, language: &str, title: &str, body: &str, day: u32| {
        csv += &format!("\"{entity}\",civil_society,KE,written,2010-10-{day:02},{language},\"{title}\",\"{body}\",\n");
    };
    // Rows 1–4: the English letter, one with a paragraph of the sender's own before it, one edited.
    row("Example Network 1", "en", "Interconnection", LETTER_EN, 1);
    row(
        "Example Network 2",
        "en",
        "Interconnection costs",
        &format!("As a rural library we see this every day. {LETTER_EN}"),
        2,
    );
    row(
        "Unrelated Example",
        "en",
        "Spam",
        "Spam filters in small networks need shared blocklists and cooperation between operators across borders.",
        3,
    );
    row("Example Network 3", "en", "Interconnection", &LETTER_EN.replace("without delay", "promptly"), 4);
    // Rows 5–6: the French letter twice.
    row("Réseau exemple 1", "fr", "Interconnexion", LETTER_FR, 5);
    row("Réseau exemple 2", "fr", "Interconnexion", LETTER_FR, 6);
    let file = ws.write("letters.csv", csv.as_bytes());
    ws.import(&file, "s");

    let rebuilt = ws.run(&["campaigns", "rebuild", "--consultation", "s"]);
    assert!(rebuilt.status.success(), "{}", stderr(&rebuilt));
    assert_eq!(
        stdout(&rebuilt).trim(),
        "5 contributions belong to 2 campaigns; 5 contributions' campaigns were written."
    );
    let members = ws.run(&["campaigns", "members", "--consultation", "s", "--format", "csv"]);
    assert_eq!(stdout(&members), "contribution,campaign\n1,1\n2,1\n4,1\n5,5\n6,5\n");
    let list = ws.run(&["campaigns", "list", "--consultation", "s", "--format", "csv"]);
    let lines: Vec<String> = stdout(&list).lines().map(str::to_owned).collect();
    assert_eq!(lines[0], "campaign,size,first_seen,last_seen,representative");
    assert!(lines[1].starts_with("1,3,2010-10-01") && lines[1].ends_with(",Interconnection"), "{lines:?}");
    assert!(lines[2].starts_with("5,2,"), "{lines:?}");
    // The pages: the list with the distinct voices, a campaign, a member's page linking it.
    let app = crate::common::spawn_serve(&ws.db);
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    let get = |path: &str| {
        let url = format!("{}{path}", app.url);
        runtime.block_on(async {
            let response =
                reqwest::Client::new().get(url).header("Accept-Language", "en").send().await.expect("answer");
            (response.status(), response.text().await.expect("a body"))
        })
    };
    let (status, list) = get("/consultations/s/campaigns");
    assert_eq!(status, reqwest::StatusCode::OK);
    assert!(list.contains("5 of the 6 counted contributions belong to 2 campaigns: 3 distinct voices"), "{list}");
    assert!(list.contains("href=\"/consultations/s/campaigns/1\""), "{list}");
    let (status, campaign) = get("/consultations/s/campaigns/1");
    assert_eq!(status, reqwest::StatusCode::OK);
    assert!(campaign.contains("3 contributions") && campaign.contains("href=\"/contributions/4\""), "{campaign}");
    let (_, member) = get("/contributions/2");
    assert!(member.contains("href=\"/consultations/s/campaigns/1\""), "{member}");
    let (_, alone) = get("/contributions/3");
    assert!(!alone.contains("/campaigns/"), "a contribution of its own names no campaign");
    assert_eq!(get("/consultations/s/campaigns/3").0, reqwest::StatusCode::NOT_FOUND);
    // The representative is the letter itself (the member most like the others); each variant
    // shows what it added and left out; members are counted by country and channel.
    let representative = campaign.split("id=\"representative\"").nth(1).expect("the representative");
    assert!(representative.contains("href=\"/contributions/1\""), "{representative}");
    assert!(campaign.contains("As a rural library we see this every day.</ins> We urge"), "{campaign}");
    assert!(
        campaign.contains("<del title=\"left out\">without delay.</del> <ins title=\"added\">promptly.</ins>"),
        "{campaign}"
    );
    assert!(campaign.contains("Kenya 3"), "{campaign}");
    // Named by the secretariat: on the list, the campaign's page and in the API.
    let named = ws.run(&[
        "campaigns",
        "name",
        "--consultation",
        "s",
        "--campaign",
        "1",
        "--name",
        "Interconnection letter",
        "--note",
        "Sent by members of example networks.",
    ]);
    assert_eq!(stdout(&named).trim(), "Campaign 1 is named “Interconnection letter”.", "{}", stderr(&named));
    let unknown = ws.run(&["campaigns", "name", "--consultation", "s", "--campaign", "3", "--name", "X"]);
    assert!(!unknown.status.success() && stderr(&unknown).contains("No campaign 3"), "{}", stderr(&unknown));
    assert!(get("/consultations/s/campaigns").1.contains(">Interconnection letter</a>"));
    let (_, campaign) = get("/consultations/s/campaigns/1");
    assert!(
        campaign.contains("<h1>Interconnection letter (Campaign 1)</h1>")
            && campaign.contains("Sent by members of example networks."),
        "{campaign}"
    );
    let (status, api) = get("/api/v1/consultations/s/campaigns");
    assert_eq!(status, reqwest::StatusCode::OK);
    let api: serde_json::Value = serde_json::from_str(&api).expect("json");
    assert_eq!(api["campaigns"][0]["name"], "Interconnection letter");
    assert_eq!(api["campaigns"][0]["representative_id"], 1);
    assert_eq!(api["members"], 5);
    // By pages: the representatives of a page alone are read.
    let (_, second) = get("/api/v1/consultations/s/campaigns?per_page=1&page=2");
    let second: serde_json::Value = serde_json::from_str(&second).expect("json");
    assert_eq!((second["total"].clone(), second["page"].clone()), (2.into(), 2.into()));
    assert_eq!(second["campaigns"].as_array().map(|c| c.len()), Some(1));
    assert_eq!(second["campaigns"][0]["campaign"], 5);
    assert_eq!(get("/api/v1/consultations/s/campaigns?page=0").0, reqwest::StatusCode::BAD_REQUEST);
    assert_eq!(get("/api/v1/consultations/s/campaigns?per_page=201").0, reqwest::StatusCode::BAD_REQUEST);
    assert_eq!(get("/consultations/s/campaigns?page=2").0, reqwest::StatusCode::NOT_FOUND);
    let (_, detail) = get("/api/v1/consultations/s/campaigns/1");
    let detail: serde_json::Value = serde_json::from_str(&detail).expect("json");
    assert_eq!(detail["by_country"], serde_json::json!([{ "value": "KE", "members": 3 }]));
    assert_eq!(detail["variants"].as_array().map(Vec::len), Some(2));
    assert_eq!(get("/api/v1/consultations/s/campaigns/3").0, reqwest::StatusCode::NOT_FOUND);
    // The consultation's distinct voices beside its counts: six contributions of civil society,
    // five of them in two campaigns, are three voices.
    let (_, consultation) = get("/consultations/s");
    let table = consultation.split("id=\"distinct-voices\"").nth(1).expect("the distinct voices' table");
    assert!(table.contains("<td>6</td><td class=\"total\">3</td>"), "{table}");
    let report = ws.run(&["report", "--consultation", "s", "--format", "md"]);
    assert!(
        stdout(&report).contains("5 of the contributions counted belonged to 2 campaigns")
            && stdout(&report).contains("3 distinct voices"),
        "{}",
        stdout(&report)
    );
    let (_, french) = {
        let url = format!("{}/consultations/s/campaigns", app.url);
        runtime.block_on(async {
            let response =
                reqwest::Client::new().get(url).header("Accept-Language", "fr").send().await.expect("answer");
            (response.status(), response.text().await.expect("a body"))
        })
    };
    assert!(french.contains("voix distinctes"), "{french}");

    // A letter recorded while the server runs joins its campaign without a rebuild: the server
    // follows the change feed.
    let late = format!(
        "entity,stakeholder_group,country,channel,submitted_at,language,title,body,meeting\n\
         \"Example Network 4\",civil_society,KE,written,2010-10-07,en,Interconnection,\"{LETTER_EN} Thank you.\",\n"
    );
    let file = ws.write("late.csv", late.as_bytes());
    ws.import(&file, "s");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    loop {
        let (_, campaign) = get("/consultations/s/campaigns/1");
        if campaign.contains("href=\"/contributions/7\"") {
            break;
        }
        assert!(std::time::Instant::now() < deadline, "the new letter never joined its campaign: {campaign}");
        std::thread::sleep(std::time::Duration::from_millis(200));
    }
    // Search shows the campaign once when asked, with how many of its members match too.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    let found = loop {
        let (_, found) = get("/api/v1/search?q=interconnection&collapse=1");
        let found: serde_json::Value = serde_json::from_str(&found).expect("json");
        // The campaign's fourth member joined it above; the index may take a moment more.
        if found["results"][0]["similar"] == 3 {
            break found;
        }
        assert!(std::time::Instant::now() < deadline, "never indexed: {found}");
        std::thread::sleep(std::time::Duration::from_millis(200));
    };
    assert_eq!(found["total"], 1, "{found}");
    assert_eq!((found["results"][0]["campaign"].clone(), found["results"][0]["similar"].clone()), (1.into(), 3.into()));
    let (_, page) = get("/search?q=interconnection&collapse=1");
    assert!(
        page.contains("<a href=\"/consultations/s/campaigns/1\">and 3 similar contributions of its campaign</a>"),
        "{page}"
    );
    let (_, all) = get("/api/v1/search?q=interconnection");
    assert_eq!(serde_json::from_str::<serde_json::Value>(&all).expect("json")["total"], 4);
    // Rebuilt from the same record: what the server assigned, nothing to write.
    let again = ws.run(&["campaigns", "rebuild", "--consultation", "s"]);
    assert_eq!(
        stdout(&again).trim(),
        "6 contributions belong to 2 campaigns; the record already held them.",
        "{}",
        stderr(&again)
    );
    let members_again = ws.run(&["campaigns", "members", "--consultation", "s", "--format", "csv"]);
    assert_eq!(stdout(&members_again), format!("{}7,1\n", stdout(&members)));
}
