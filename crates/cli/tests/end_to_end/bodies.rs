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
    let run = |args: &[&str]| {
        let output = ws.run(args);
        assert!(output.status.success(), "{args:?}: {}", stderr(&output));
        stdout(&output)
    };
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
    assert_eq!(
        slate.lines().skip(1).map(|l| l.split(',').next().unwrap_or("")).collect::<Vec<_>>(),
        ["1", "2", "3", "5"],
        "first choices, one a country, half women: {slate}"
    );
    // Pinned in, the second choice sits in place of the first choice of its group.
    run(&["body", "pin", "wg", "--nomination", "4", "--pin", "in"]);
    let pinned = run(&["body", "solve", "wg", "--format", "json"]);
    let pinned: serde_json::Value = serde_json::from_str(&pinned).expect("JSON");
    let members: Vec<i64> =
        pinned["members"].as_array().expect("members").iter().filter_map(|m| m["nomination"].as_i64()).collect();
    assert!(members.contains(&4) && members.len() == 4, "{pinned}");
    run(&["body", "pin", "wg", "--nomination", "4", "--pin", "free"]);

    assert!(run(&["body", "seat", "wg"]).contains("4 members seated"));
    assert!(run(&["body", "check", "wg"]).contains("The slate of 4 meets every rule."));
    let broken = ws.run(&["body", "check", "wg", "--slate", "1,2"]);
    assert!(!broken.status.success());
    assert!(
        stdout(&broken).contains("Members of the body: 2 (rule on line 1: exactly 4 required)"),
        "{}",
        stdout(&broken)
    );
    let french = ws.run_in("fr", &["body", "check", "wg", "--slate", "1,2,4"]);
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
