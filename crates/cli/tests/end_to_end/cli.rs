//! The command line end to end: a consultation is created, contributions imported from CSV
//! files as spreadsheets save them, and the table printed; bad files change nothing.

use crate::common;

use crate::common::{Workspace, stderr, stdout};

const HEADER: &str = "entity,stakeholder_group,country,channel,submitted_at,language,title,body,meeting";

fn setup() -> Workspace {
    let ws = Workspace::new();
    let created = ws.run(&[
        "consultation",
        "create",
        "--slug",
        "ec-2010",
        "--title",
        "Enhanced cooperation",
        "--opens",
        "2010-09-01",
        "--closes",
        "2010-12-31",
        "--mandate",
        "ECOSOC resolution 2010/2",
        "--time-zone",
        "America/New_York",
    ]);
    assert!(created.status.success(), "{}", stderr(&created));
    let meeting =
        ws.run(&["meeting", "add", "--consultation", "ec-2010", "--date", "2010-12-14", "--place", "New York"]);
    assert!(meeting.status.success(), "{}", stderr(&meeting));
    ws
}

fn table_csv(ws: &Workspace) -> String {
    let output = ws.run(&["table", "--consultation", "ec-2010", "--format", "csv"]);
    assert!(output.status.success(), "{}", stderr(&output));
    stdout(&output)
}

/// A file with `n` contributions per (group, channel) pair given.
fn file_with(rows: &[(&str, &str, &str, usize)]) -> String {
    let mut csv = format!("{HEADER}\r\n");
    for (i, (group, channel, country, n)) in rows.iter().enumerate() {
        for k in 0..*n {
            let meeting = if *channel == "written" { "" } else { "2010-12-14" };
            csv.push_str(&format!(
                "\"Example {group} {i}\",{group},{country},{channel},2010-12-{:02},en,\"Title {k}\",\"Line one\r\nline two, with a comma\",{meeting}\r\n",
                if *channel == "written" { 1 + k % 28 } else { 14 }
            ));
        }
    }
    csv
}

#[test]
fn an_imported_file_gives_the_right_counts() {
    let ws = setup();
    let csv = file_with(&[
        ("government", "written", "SN", 3),
        ("government", "intervention", "SN", 2),
        ("civil_society", "presentation", "", 4),
        ("academic", "written", "JP", 1),
    ]);
    let mut bytes = "\u{feff}".as_bytes().to_vec();
    bytes.extend_from_slice(csv.as_bytes());
    let path = ws.write("excel.csv", &bytes);
    let output = ws.run(&["import", "contributions", path.to_str().expect("path"), "--consultation", "ec-2010"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stdout(&output).contains("Imported 10 contributions"), "{}", stdout(&output));
    assert_eq!(
        table_csv(&ws),
        "group,written,presentation,intervention,total\n\
         government,3,0,2,5\n\
         civil_society,0,4,0,4\n\
         academic,1,0,0,1\n\
         total,4,4,2,10\n"
    );
}

#[test]
fn a_bad_file_names_line_and_field_and_leaves_the_database_as_it_was() {
    let ws = setup();
    let good = ws.write("good.csv", file_with(&[("government", "written", "FR", 2)]).as_bytes());
    ws.import(&good, "ec-2010");
    let before = table_csv(&ws);

    let mut csv = file_with(&[("private_sector", "written", "US", 3)]);
    csv.push_str("Example Late,private_sector,US,written,2011-03-01,en,Late,Text,\r\n");
    let bad = ws.write("bad.csv", csv.as_bytes());
    let output = ws.run(&["import", "contributions", bad.to_str().expect("path"), "--consultation", "ec-2010"]);
    assert!(!output.status.success());
    let message = stderr(&output);
    // Header on line 1, three rows of two lines each: the late row starts on line 8.
    assert!(message.contains("line 8, column submitted_at"), "{message}");
    assert!(message.contains("nothing was imported"), "{message}");
    assert_eq!(table_csv(&ws), before, "a refused file must change nothing");

    let french =
        ws.run_in("fr", &["import", "contributions", bad.to_str().expect("path"), "--consultation", "ec-2010"]);
    assert!(stderr(&french).contains("ligne 8, colonne submitted_at"), "{}", stderr(&french));

    let late =
        ws.run(&["import", "contributions", bad.to_str().expect("path"), "--consultation", "ec-2010", "--accept-late"]);
    assert!(late.status.success(), "{}", stderr(&late));
    assert!(stdout(&late).contains("1 late"), "{}", stdout(&late));
    assert!(table_csv(&ws).ends_with("total,6,0,0,6\n"));
}

#[test]
fn unknown_consultations_and_bad_arguments_are_explained() {
    let ws = setup();
    let output = ws.run(&["table", "--consultation", "nope"]);
    assert!(!output.status.success());
    assert!(
        stderr(&output).contains("There is no consultation “nope”. Known consultations: ec-2010."),
        "{}",
        stderr(&output)
    );

    let output = ws.run(&[
        "consultation",
        "create",
        "--slug",
        "x",
        "--title",
        "X",
        "--opens",
        "2011-01-01",
        "--closes",
        "2010-01-01",
    ]);
    assert!(!output.status.success());
    assert!(stderr(&output).contains("--closes"), "{}", stderr(&output));

    let output = ws.run(&["meeting", "add", "--consultation", "ec-2010", "--date", "2010-12-14", "--place", "Geneva"]);
    assert!(!output.status.success(), "a second meeting on the same day is refused");
    assert!(stderr(&output).contains("already has a meeting on 14 December 2010"), "{}", stderr(&output));

    let french = ws.run_in(
        "fr",
        &[
            "consultation",
            "create",
            "--slug",
            "Mauvais",
            "--title",
            "T",
            "--opens",
            "2011-01-01",
            "--closes",
            "2012-01-01",
        ],
    );
    assert!(stderr(&french).contains("--slug: « Mauvais » n’est pas un nom court"), "{}", stderr(&french));
    let taken = ws.run(&[
        "consultation",
        "create",
        "--slug",
        "ec-2010",
        "--title",
        "T",
        "--opens",
        "2011-01-01",
        "--closes",
        "2012-01-01",
    ]);
    assert!(stderr(&taken).contains("There is already a consultation “ec-2010”."), "{}", stderr(&taken));
    let missing = ws.run(&["import", "contributions", "/no/such/file.csv", "--consultation", "ec-2010"]);
    assert!(stderr(&missing).contains("/no/such/file.csv"), "{}", stderr(&missing));
}

#[test]
fn the_table_reads_in_french() {
    let ws = setup();
    let path = ws.write("c.csv", file_with(&[("civil_society", "written", "", 1)]).as_bytes());
    ws.import(&path, "ec-2010");
    let text = stdout(&ws.run(&["table", "--consultation", "ec-2010", "--lang", "fr"]));
    assert!(text.contains("Société civile"), "{text}");
    let json: serde_json::Value =
        serde_json::from_str(&stdout(&ws.run(&["table", "--consultation", "ec-2010", "--format", "json"])))
            .expect("JSON");
    assert_eq!(json["total"]["written"], 1);
}

#[test]
fn a_consultation_is_translated_and_listed_in_the_readers_language() {
    let ws = setup();
    let output = ws.run(&[
        "consultation",
        "translate",
        "--consultation",
        "ec-2010",
        "--lang",
        "fr",
        "--title",
        "Coopération renforcée",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stdout(&output).contains("en, fr"), "{}", stdout(&output));
    assert!(stdout(&ws.run_in("fr", &["consultation", "list"])).contains("Coopération renforcée"));
    assert!(stdout(&ws.run_in("en", &["consultation", "list"])).contains("Enhanced cooperation"));
    let bad = ws.run(&[
        "consultation",
        "translate",
        "--consultation",
        "ec-2010",
        "--lang",
        "fr",
        "--question",
        "a",
        "--question",
        "b",
    ]);
    assert!(!bad.status.success());
    assert!(stderr(&bad).contains("--question"), "{}", stderr(&bad));
}

#[test]
fn a_mistyped_database_path_is_named_not_created() {
    let ws = Workspace::new();
    let output = ws.run(&["table", "--consultation", "ec-2010"]);
    assert!(!output.status.success());
    assert!(stderr(&output).contains("There is no database at"), "{}", stderr(&output));
    assert!(!ws.db.exists(), "no empty database is left behind");
}

#[test]
fn a_mistyped_time_zone_is_refused_with_the_nearest_names() {
    let ws = Workspace::new();
    let output = ws.run(&[
        "consultation",
        "create",
        "--slug",
        "zone",
        "--title",
        "T",
        "--opens",
        "2026-01-01",
        "--closes",
        "2026-12-31",
        "--time-zone",
        "Europe/Zurik",
    ]);
    assert!(!output.status.success());
    assert!(stderr(&output).contains("the nearest names: Europe/Zurich"), "{}", stderr(&output));
}

#[test]
fn a_second_server_on_a_held_index_says_so_before_it_says_it_serves() {
    let ws = Workspace::new();
    ws.create_open_consultation("open");
    let _first = common::spawn_serve(&ws.db);
    let mut second = std::process::Command::new(common::CONSULTA)
        .arg("--db")
        .arg(&ws.db)
        .args(["serve", "--addr", "127.0.0.1:0"])
        .env("CONSULTA_LANG", "en")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("consulta starts");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    let status = loop {
        if let Some(status) = second.try_wait().expect("wait") {
            break status;
        }
        if std::time::Instant::now() > deadline {
            let _ = second.kill();
            panic!("the second server did not stop");
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    };
    let output = second.wait_with_output().expect("output");
    assert!(!status.success());
    assert!(!stdout(&output).contains("serving"), "it never said it serves: {}", stdout(&output));
    assert!(stderr(&output).contains("index"), "{}", stderr(&output));
}

#[test]
fn a_settings_file_gives_way_to_the_environment_and_the_environment_to_flags() {
    let ws = Workspace::new();
    let dir = ws.dir.path();
    let settings = dir.join("consulta.toml");
    std::fs::write(&settings, format!("db = {:?}\n", dir.join("from-file.db").display().to_string())).expect("write");
    let create = |slug: &str, env_db: Option<&str>, flag_db: Option<&str>| {
        let mut command = std::process::Command::new(common::CONSULTA);
        command.arg("--config").arg(&settings).env_remove("CONSULTA_DB").env("CONSULTA_LANG", "en");
        if let Some(db) = env_db {
            command.env("CONSULTA_DB", dir.join(db));
        }
        if let Some(db) = flag_db {
            command.arg("--db").arg(dir.join(db));
        }
        let output = command
            .args(["consultation", "create", "--slug", slug, "--title", "T"])
            .args(["--opens", "2020-01-01", "--closes", "2099-01-01"])
            .output()
            .expect("consulta runs");
        assert!(output.status.success(), "{}", stderr(&output));
    };
    create("a", None, None);
    assert!(dir.join("from-file.db").exists(), "the file's database");
    create("b", Some("from-env.db"), None);
    assert!(dir.join("from-env.db").exists(), "the environment wins over the file");
    create("c", Some("from-env.db"), Some("from-flag.db"));
    assert!(dir.join("from-flag.db").exists(), "the flag wins over the environment");

    std::fs::write(&settings, "db = \"x.db\"\nmax-file-mb = 3\n").expect("write");
    let output = std::process::Command::new(common::CONSULTA)
        .arg("--config")
        .arg(&settings)
        .env("CONSULTA_LANG", "en")
        .arg("check")
        .output()
        .expect("consulta runs");
    assert!(!output.status.success());
    assert!(
        stderr(&output).contains("consulta.toml, line 2: no setting is called 'max-file-mb'"),
        "{}",
        stderr(&output)
    );
}
