//! `consulta body` end to end: a working group created with rules in the WGEC's shape,
//! nominations imported (a wrong line refused whole, with its line and field), the solver's
//! slate checked and seated, pins honoured, and a contradictory rule set answered with the
//! rules that conflict.

use crate::common::{Workspace, stderr, stdout};

const NOMINATIONS: &str = "person,nominator,process,stakeholder_group,country,gender,expertise,statement,priority
Ada Example,Fictional Republic of Aurelia,,government,XA,female,policy,Invented example.,1
Ben Example,Fictional Republic of Borealis,,government,XB,male,law,Invented example.,1
Cy Example,,Civil society selection (example),civil_society,FR,female,,Invented.,1
Di Example,,Private sector selection (example),private_sector,KE,male,,Invented.,2
Ed Example,,Private sector selection (example),private_sector,CH,female,,Invented.,1
";

#[test]
fn a_body_is_composed_by_its_rules_and_told_when_they_conflict() {
    let ws = Workspace::new();
    assert!(ws.run(&["load-demo"]).status.success());
    let run = |args: &[&str]| ws.succeed(args);
    run(&["body", "create", "wg", "--consultation", "enhanced-cooperation-2010", "--name", "Example working group"]);
    let rules = ws.write(
        "rules.txt",
        b"total 4\nexactly 2 group=government\nat most 1 per country\nat least 50% gender=female\n",
    );
    run(&["body", "rules", "wg", "--file", rules.to_str().expect("path")]);

    // A wrong line refuses the whole file, saying where.
    let wrong = NOMINATIONS.replace("private_sector,KE", "private_sector,ZZ");
    let bad = ws.write("bad.csv", wrong.as_bytes());
    let refused = ws.run(&["body", "nominate", "wg", "--csv", bad.to_str().expect("path")]);
    assert!(!refused.status.success());
    assert!(stderr(&refused).contains("line 5, country: “ZZ” is not a country code"), "{}", stderr(&refused));
    assert!(run(&["body", "show", "wg"]).contains("0 nominations"), "nothing recorded");

    let good = ws.write("nominations.csv", NOMINATIONS.as_bytes());
    assert!(run(&["body", "nominate", "wg", "--csv", good.to_str().expect("path")]).contains("5 nominations recorded"));
    let slate = run(&["body", "solve", "wg", "--format", "csv"]);
    let column =
        |n: usize| slate.lines().skip(1).map(|l| l.split(',').nth(n).unwrap_or("").to_owned()).collect::<Vec<_>>();
    assert_eq!(
        column(1),
        ["Ada Example", "Ben Example", "Cy Example", "Ed Example"],
        "first choices, one a country, half women: {slate}"
    );
    // Numbered after the demo's nominations, in the file's order.
    let ada: i64 = column(0)[0].parse().expect("a number");
    let number = |offset: i64| (ada + offset).to_string();
    // Pinned in, the second choice sits in place of the first choice of its group.
    run(&["body", "pin", "wg", "--nomination", &number(3), "--pin", "in"]);
    let pinned = run(&["body", "solve", "wg", "--format", "json"]);
    let pinned: serde_json::Value = serde_json::from_str(&pinned).expect("JSON");
    let members: Vec<i64> =
        pinned["members"].as_array().expect("members").iter().filter_map(|m| m["nomination"].as_i64()).collect();
    assert!(members.contains(&(ada + 3)) && members.len() == 4, "{pinned}");
    run(&["body", "pin", "wg", "--nomination", &number(3), "--pin", "free"]);

    assert!(run(&["body", "seat", "wg"]).contains("4 members seated"));

    // The chair rotates between two nominators: Aurelia's nominee chairs the next term, so
    // Borealis's turn comes next.
    let rotation = "Fictional Republic of Aurelia,Fictional Republic of Borealis";
    let chairs = run(&["body", "chairs", "wg", "--rotation", rotation]);
    assert!(chairs.contains("Next chair: the nominee of Fictional Republic of Aurelia."), "{chairs}");
    let next_term = [number(0), number(1), number(2), number(4)].join(",");
    let not_seated =
        ws.run(&["body", "seat", "wg", "--members", &next_term, "--from", "2030-01-01", "--chair", &number(3)]);
    assert!(stderr(&not_seated).contains("is not among those seated"), "{}", stderr(&not_seated));
    run(&[
        "body",
        "seat",
        "wg",
        "--members",
        &next_term,
        "--from",
        "2030-01-01",
        "--chair",
        &number(0),
        "--co-chair",
        &number(2),
    ]);
    let chairs = run(&["body", "chairs", "wg"]);
    assert!(chairs.contains("Next chair: the nominee of Fictional Republic of Borealis."), "{chairs}");
    // Aurelia's nominee cannot chair again out of turn.
    let out_of_turn =
        ws.run(&["body", "seat", "wg", "--members", &next_term, "--from", "2032-01-01", "--chair", &number(0)]);
    assert!(
        stderr(&out_of_turn).contains("It is Fictional Republic of Borealis’s turn to have the chair."),
        "{}",
        stderr(&out_of_turn)
    );
    let again = [
        "body",
        "seat",
        "wg",
        "--members",
        &next_term,
        "--from",
        "2032-01-01",
        "--chair",
        &number(1),
        "--co-chair",
        &number(2),
    ];
    let co_chair_again = ws.run(&again);
    assert!(stderr(&co_chair_again).contains("Cy Example has been co-chair already"), "{}", stderr(&co_chair_again));
    assert!(chairs.contains("Ben Example") && !chairs.contains("Cy Example"), "Cy has been co-chair: {chairs}");
    assert!(run(&["body", "check", "wg"]).contains("The slate of 4 meets every rule."));
    let broken = ws.run(&["body", "check", "wg", "--slate", &format!("{},{}", number(0), number(1))]);
    assert!(!broken.status.success());
    assert!(
        stdout(&broken).contains("Members of the body: 2 (rule on line 1: exactly 4 required)"),
        "{}",
        stdout(&broken)
    );
    let three = format!("{},{},{}", number(0), number(1), number(3));
    let french = ws.run_in("fr", &["body", "check", "wg", "--slate", &three]);
    assert!(stdout(&french).contains("Femmes : 1 (règle de la ligne 4 : au moins 2 requis)"), "{}", stdout(&french));

    // Three governments cannot be found among two.
    let contradictory = ws.write("contradictory.txt", b"total 4\nexactly 3 group=government\nat most 1 per country\n");
    run(&["body", "rules", "wg", "--file", contradictory.to_str().expect("path")]);
    let none = ws.run(&["body", "solve", "wg"]);
    assert!(!none.status.success());
    assert!(stderr(&none).contains("No slate meets every rule"), "{}", stderr(&none));
    assert!(stderr(&none).contains("line 2: exactly 3 group=government"), "{}", stderr(&none));
    assert!(!stderr(&none).contains("line 3:"), "the rule not needed for the conflict is not named: {}", stderr(&none));
}

/// The demo's working group on the web and in the API: its members and composition, the rules
/// met; a focal point nominates for its entity; the secretariat's contradictory rules are
/// answered on its page with the rules that conflict.
#[tokio::test]
async fn the_demo_working_group_on_the_web() {
    use reqwest::header::COOKIE;
    let app = crate::common::spawn_demo();
    let url = format!("{}/bodies/example-working-group", app.url);
    let page = reqwest::get(format!("{url}?lang=fr")).await.expect("page").text().await.expect("HTML");
    assert!(page.contains("Les membres en place aujourd’hui respectent toutes les règles."), "{page}");
    assert!(page.contains("Par groupe régional") && page.contains("<meter"), "{page}");
    assert!(page.contains("La présidence est tournante") && page.contains("Président(e)"), "{page}");
    let api: serde_json::Value = reqwest::get(format!("{}/api/v1/bodies/example-working-group", app.url))
        .await
        .expect("API")
        .json()
        .await
        .expect("JSON");
    assert_eq!(api["members"].as_array().map(Vec::len), Some(16), "{api}");
    assert_eq!(api["broken_rules"], serde_json::json!([]), "{api}");
    assert_eq!(api["composition"]["region"].as_array().map(Vec::len), Some(5), "every regional group: {api}");
    let open_data: serde_json::Value =
        reqwest::get(format!("{}/consultations/enhanced-cooperation-2010/bodies.json", app.url))
            .await
            .expect("bodies.json")
            .json()
            .await
            .expect("JSON");
    assert_eq!(open_data[0]["terms"].as_array().map(Vec::len), Some(16), "{open_data}");
    assert!(open_data[0]["rules"].as_str().is_some_and(|r| r.contains("total 16")), "{open_data}");
    let home = reqwest::get(&app.url).await.expect("home").text().await.expect("HTML");

    // The focal point of Aurelia nominates for it.
    let password = crate::common::demo_password(&home, "focal-point@demo.example");
    let signed_in = crate::common::sign_in_response(&app, "focal-point@demo.example", &password).await;
    let session = crate::common::cookie_named(&signed_in, "consulta_session").expect("a session");
    let form_page = crate::common::no_redirects().get(&url).header(COOKIE, &session).send().await.expect("page");
    let csrf = crate::common::hidden_csrf(&form_page.text().await.expect("HTML"));
    let nomination = [
        ("csrf", csrf),
        ("body", "example-working-group".to_owned()),
        ("person", "Nominee Example-99".to_owned()),
        ("stakeholder_group", "government".to_owned()),
        ("country", "QM".to_owned()),
        ("gender", "female".to_owned()),
        ("expertise", "access".to_owned()),
        ("statement", "Invented example.".to_owned()),
        ("priority", "1".to_owned()),
    ];
    let done =
        crate::common::post_then_read(&app, &session, &format!("{}/body-nominations", app.url), &nomination).await;
    assert!(done.contains("Your nomination is recorded."), "{done}");

    // The secretariat sees it among the nominations, and contradictory rules are named.
    let password = crate::common::demo_password(&home, "secretariat@demo.example");
    let signed_in = crate::common::sign_in_response(&app, "secretariat@demo.example", &password).await;
    let session = crate::common::cookie_named(&signed_in, "consulta_session").expect("a session");
    let page = crate::common::no_redirects().get(&url).header(COOKIE, &session).send().await.expect("page");
    let page = page.text().await.expect("HTML");
    assert!(page.contains("Nominee Example-99") && page.contains("Seat this slate"), "{page}");
    // The chair rotates: Aurelia's nominee chairs now, so Borealis's turn is next.
    let seat = |chair: &str| {
        [
            ("csrf", crate::common::hidden_csrf(&page)),
            ("body", "example-working-group".to_owned()),
            ("from", "2029-01-01".to_owned()),
            ("chair", chair.to_owned()),
            ("co_chair", String::new()),
        ]
    };
    let refused = crate::common::no_redirects()
        .post(format!("{}/admin/body-seats", app.url))
        .header(COOKIE, &session)
        .form(&seat("1"))
        .send()
        .await
        .expect("answer");
    assert_eq!(refused.status(), reqwest::StatusCode::BAD_REQUEST);
    let refused = refused.text().await.expect("HTML");
    assert!(refused.contains("It is Fictional Republic of Borealis’s turn to have the chair."), "{refused}");
    let seated =
        crate::common::post_then_read(&app, &session, &format!("{}/admin/body-seats", app.url), &seat("")).await;
    assert!(seated.contains("The slate is seated."), "{seated}");
    let rules = [
        ("csrf", crate::common::hidden_csrf(&page)),
        ("body", "example-working-group".to_owned()),
        ("rules", "total 16\nexactly 40 group=government\nat least 1 group=civil_society\n".to_owned()),
        ("objective", "spread_countries".to_owned()),
    ];
    let page = crate::common::post_then_read(&app, &session, &format!("{}/admin/body-rules", app.url), &rules).await;
    assert!(page.contains("The rules are recorded.") && page.contains("No slate meets every rule"), "{page}");
    assert!(page.contains("<code>exactly 40 group=government</code>"), "{page}");
    assert!(!page.contains("<code>at least 1 group=civil_society</code>"), "not needed for the conflict: {page}");
}
