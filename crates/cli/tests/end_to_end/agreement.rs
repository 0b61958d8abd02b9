//! Points of agreement from the command line: Pol.is's open conversations imported and their
//! opinion groups held against Pol.is's own; a bad export refused with nothing written.

use std::collections::HashMap;
use std::path::PathBuf;

use consulta_agreement::ari::adjusted_rand_index;

use crate::common::{Workspace, stderr, stdout};

fn shared_polis() -> Option<PathBuf> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/polis");
    if root.exists() {
        return Some(root);
    }
    assert!(std::env::var_os("CI").is_none(), "{} is missing", root.display());
    eprintln!("skipped: {} is not here", root.display());
    None
}

/// The group Pol.is gave each participant, from `participants-votes.csv`.
fn polis_groups(dir: &std::path::Path) -> HashMap<String, String> {
    let text = std::fs::read_to_string(dir.join("participants-votes.csv")).expect("participants-votes.csv");
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().expect("header").split(',').collect();
    let participant = header.iter().position(|h| *h == "participant").expect("participant column");
    let group = header.iter().position(|h| *h == "group-id").expect("group-id column");
    lines
        .filter_map(|line| {
            let cells: Vec<&str> = line.split(',').collect();
            let group = cells.get(group)?.trim();
            (!group.is_empty()).then(|| (cells[participant].trim().to_owned(), group.to_owned()))
        })
        .collect()
}

#[test]
fn pol_is_conversations_are_imported_and_grouped_as_pol_is_grouped_them() {
    let Some(root) = shared_polis() else { return };
    let mut conversations: Vec<PathBuf> = std::fs::read_dir(&root)
        .expect("the data")
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.join("comments.csv").exists())
        .collect();
    conversations.sort();
    assert!(!conversations.is_empty());
    let ws = Workspace::new();
    for (i, dir) in conversations.iter().enumerate() {
        let slug = format!("polis-{i}");
        ws.create_consultation(&slug, "2014-01-01", "2030-12-31");
        let imported = ws.run(&["agreement", "import-polis", &dir.display().to_string(), "--consultation", &slug]);
        assert!(imported.status.success(), "{}", stderr(&imported));
        assert!(stdout(&imported).starts_with("Imported "), "{}", stdout(&imported));
        let groups = ws.run(&["agreement", "groups", "--consultation", &slug, "--format", "csv"]);
        assert!(groups.status.success(), "{}", stderr(&groups));
        let ours: HashMap<String, String> = stdout(&groups)
            .lines()
            .skip(1)
            .filter_map(|line| line.split_once(',').map(|(p, g)| (p.to_owned(), g.to_owned())))
            .collect();
        let theirs = polis_groups(dir);
        let both: Vec<(&String, &String)> = theirs.iter().filter_map(|(p, g)| Some((ours.get(p)?, g))).collect();
        let (a, b): (Vec<&String>, Vec<&String>) = both.iter().copied().unzip();
        let ari = adjusted_rand_index(&a, &b);
        let name = dir.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        println!(
            "{name}: Consulta places {} participants, Pol.is {}, both {}: adjusted Rand index {ari:.3}",
            ours.len(),
            theirs.len(),
            both.len()
        );
        assert!(both.len() * 2 > theirs.len(), "{name}: most of Pol.is's participants are placed");
        assert!(ari > 0.0, "{name}: the groups agree better than chance");
        let statements = ws.run(&["agreement", "statements", "--consultation", &slug, "--format", "json"]);
        let views: serde_json::Value = serde_json::from_str(&stdout(&statements)).expect("JSON");
        let first = &views[0];
        assert!(first["agree"].as_u64().is_some() && first["standing"].as_str().is_some(), "{first}");
    }
}

#[test]
fn a_bad_export_is_refused_with_its_file_line_and_field_and_nothing_is_written() {
    let ws = Workspace::new();
    ws.create_consultation("s", "2014-01-01", "2030-12-31");
    let dir = ws.write(
        "comments.csv",
        b"timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body\n1,x,0,1,0,0,1,First\n",
    );
    let folder = dir.parent().expect("folder").display().to_string();
    ws.write("votes.csv", b"timestamp,datetime,comment-id,voter-id,vote\n5,x,0,1,1\n6,x,0,2,2\n");
    let refused = ws.run(&["agreement", "import-polis", &folder, "--consultation", "s"]);
    assert!(!refused.status.success());
    assert!(stderr(&refused).contains("votes.csv, line 3, field vote"), "{}", stderr(&refused));
    let statements = ws.run(&["agreement", "statements", "--consultation", "s", "--format", "csv"]);
    assert_eq!(stdout(&statements).lines().count(), 1, "only the header: {}", stdout(&statements));
}

#[test]
fn the_secretariat_puts_a_statement_to_the_vote_and_it_joins_the_log() {
    let ws = Workspace::new();
    ws.create_consultation("s", "2014-01-01", "2030-12-31");
    let long = "x".repeat(281);
    let refused = ws.run(&["agreement", "propose", "--consultation", "s", "--text", &long]);
    assert!(!refused.status.success() && stderr(&refused).contains("280"), "{}", stderr(&refused));
    let added = ws.run(&["agreement", "propose", "--consultation", "s", "--text", "Interconnection costs need review"]);
    assert!(added.status.success(), "{}", stderr(&added));
    let check = ws.run(&["check"]);
    assert!(check.status.success(), "{}", stderr(&check));
    let statements = ws.run(&["agreement", "statements", "--consultation", "s", "--format", "text"]);
    assert!(stdout(&statements).contains("Interconnection costs need review"), "{}", stdout(&statements));
}
