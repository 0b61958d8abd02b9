//! `consulta draft` end to end: the seeds' draft opinions recorded from their plain text,
//! printed back, and a text with a line out of place refused with its file and line, nothing
//! recorded.

use std::path::PathBuf;

use crate::common::{Workspace, stderr, stdout};

/// A seed from `../shared/seeds/`; None (skipped, said so) where it is not here, never in CI.
fn seed(name: &str) -> Option<PathBuf> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/seeds").join(name);
    if path.exists() {
        return Some(path);
    }
    assert!(std::env::var_os("CI").is_none(), "{} is missing", path.display());
    eprintln!("skipped: {} is not here", path.display());
    None
}

#[test]
fn the_seeds_draft_opinions_are_recorded_and_printed_back() {
    let Some(opinion_5) = seed("002_5a2dea2a1e850189.txt") else { return };
    let ws = Workspace::new();
    ws.create_consultation("wtpf-13", "2013-01-01", "2013-05-16");
    let file = opinion_5.to_str().expect("path");
    let args = ["draft", "import", file, "--consultation", "wtpf-13", "--symbol", "WTPF-13/5", "--lang", "fr"];
    let output = ws.run(&args);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        stdout(&output).contains("Draft WTPF-13/5 recorded: 5 sections, 12 numbered items."),
        "{}",
        stdout(&output)
    );

    // Printed as text, it is the same draft: recorded again under another symbol, it prints the same.
    let shown = ws.run(&["draft", "show", "WTPF-13/5"]);
    assert!(shown.status.success(), "{}", stderr(&shown));
    let text = stdout(&shown);
    for line in [
        "reconnaissant\n",
        "b)\tque, conformément au paragraphe",
        "\tv)\tles organisations internationales",
        "invite les Etats Membres et les autres parties prenantes\n",
        "c)\tà réfléchir",
    ] {
        assert!(text.contains(line), "{line:?} in:\n{text}");
    }
    let again = ws.write("again.txt", text.as_bytes());
    let output = ws.run(&[
        "draft",
        "import",
        again.to_str().expect("path"),
        "--consultation",
        "wtpf-13",
        "--symbol",
        "WTPF-13/5-copy",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(stdout(&ws.run(&["draft", "show", "WTPF-13/5-copy"])), text);
    let json = stdout(&ws.run(&["draft", "show", "WTPF-13/5", "--format", "json", "--revision", "0"]));
    let structure: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    assert_eq!(structure["sections"][1]["items"][1]["items"].as_array().map(Vec::len), Some(5), "b) holds i) to v)");

    // The same symbol twice, and an unknown one, are refused.
    let twice = ws.run(&args);
    assert!(!twice.status.success());
    assert!(stderr(&twice).contains("There is already a draft WTPF-13/5."), "{}", stderr(&twice));
    let unknown = ws.run(&["draft", "show", "nope"]);
    assert!(!unknown.status.success() && stderr(&unknown).contains("There is no draft nope."));
}

#[test]
fn a_line_out_of_place_is_reported_and_nothing_is_recorded() {
    let ws = Workspace::new();
    ws.create_consultation("wtpf-13", "2013-01-01", "2013-05-16");
    let text = "Draft opinion\nThe Forum,\ninvites\na)\tto act;\niii)\tout of place;\nb)\tto report.\n";
    let file = ws.write("bad.txt", text.as_bytes());
    let path = file.to_str().expect("path");
    let output = ws.run(&["draft", "import", path, "--consultation", "wtpf-13", "--symbol", "X/1"]);
    assert!(!output.status.success());
    let error = stderr(&output);
    assert!(
        error.contains(&format!("{path}, line 5: this line has no place in the draft's structure: iii)")),
        "{error}"
    );
    assert!(error.contains("nothing was recorded"), "{error}");
    assert!(!ws.run(&["draft", "show", "X/1"]).status.success(), "nothing recorded");
    let french = ws.run_in("fr", &["draft", "import", path, "--consultation", "wtpf-13", "--symbol", "X/1"]);
    assert!(stderr(&french).contains("ligne 5"), "{}", stderr(&french));
}
