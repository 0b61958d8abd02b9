//! Tests of the exports on a real SQLite store and file store, fed through intake.

use std::io::{Cursor, Read, Write};

use consulta_blobs::LocalBlobs;
use consulta_core::{Consultation, ContributionId};
use consulta_intake::submission::{Limits, Sender, Submission, UploadedFile, prepare, record_in};
use consulta_store::{Extraction, JobStore, RecordStore, SqliteStore};
use jiff::Timestamp;

use super::*;

/// Personal data that a withheld contribution carries and no export may show.
const PRIVATE: &str = "Jean Privé, 12 rue Secrète";

struct Fixture {
    _dir: tempfile::TempDir,
    store: SqliteStore,
    blobs: LocalBlobs,
    consultation: Consultation,
    ids: Vec<ContributionId>,
    signer: consulta_store::log_key::LogSigner,
}

fn now() -> Timestamp {
    "2010-10-15T12:00:00Z".parse().expect("instant")
}

/// A contribution of `entity` (a group and country), in `language`; `files` empty.
fn from(entity: &str, group: &str, country: &str, language: &str, title: &str, body: &str) -> Submission {
    Submission {
        entity: entity.into(),
        stakeholder_group: group.into(),
        country: country.into(),
        language: language.into(),
        title: title.into(),
        body: body.into(),
        email: "focal.point@example.org".into(),
        files: Vec::new(),
    }
}

fn submit(f: &mut Fixture, submission: Submission) -> ContributionId {
    let prepared =
        prepare(&f.store, &f.blobs, &f.consultation, &submission, Sender::default(), Limits::default(), now())
            .expect("prepare");
    let mut tx = f.store.begin().expect("begin");
    let (record, _) = record_in(&mut *tx, &prepared).expect("record");
    tx.commit().expect("commit");
    ContributionId(record.id)
}

fn fixture() -> Fixture {
    let record = consulta_testkit::TempRecord::with(consulta_testkit::consultation_2010());
    let store = record.store();
    let consulta_testkit::TempRecord { dir, blobs, consultation, signer, .. } = record;
    let mut f = Fixture { _dir: dir, store, blobs, consultation, ids: Vec::new(), signer };
    let annex = UploadedFile {
        name: "annexe.txt".into(),
        media_type: "text/plain".into(),
        bytes: b"Annexe : le multilinguisme.".to_vec(),
    };
    let first = submit(
        &mut f,
        Submission {
            files: vec![annex],
            ..from(
                "Example Ministry",
                "government",
                "FR",
                "fr",
                "Coopération renforcée",
                "Il faut renforcer la coopération.",
            )
        },
    );
    f.store.set_extraction(first, 0, &Extraction::Done("Annexe : le multilinguisme.".into())).expect("text");
    let second = submit(
        &mut f,
        from("Example Society & Co", "civil_society", "KE", "en", "Spam & <cybercrime>", "A global answer is needed."),
    );
    let third = submit(&mut f, from("Jean Privé", "civil_society", "FR", "fr", "Lettre", PRIVATE));
    f.store
        .set_withheld(
            third,
            Some("personal data"),
            &consulta_store::AuditActor::command_line("test", jiff::Timestamp::now()),
        )
        .expect("withhold");
    f.ids = vec![first, second, third];
    f
}

fn output(write: impl FnOnce(&mut Vec<u8>)) -> String {
    let mut bytes = Vec::new();
    write(&mut bytes);
    String::from_utf8(bytes).expect("UTF-8")
}

#[test]
fn contributions_as_csv_and_json_with_the_withheld_one_as_its_entry_only() {
    let f = fixture();
    let csv_text = output(|out| contributions_csv(&f.store, &f.consultation, out).expect("csv"));
    assert!(!csv_text.contains("Jean") && !csv_text.contains("Secrète"), "{csv_text}");
    let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
    assert_eq!(reader.headers().expect("header").iter().collect::<Vec<_>>(), CONTRIBUTION_COLUMNS);
    let rows: Vec<csv::StringRecord> = reader.records().collect::<Result<_, _>>().expect("rows");
    assert_eq!(rows.len(), 3);
    let column = |row: &csv::StringRecord, name: &str| {
        row[CONTRIBUTION_COLUMNS.iter().position(|c| *c == name).expect("column")].to_owned()
    };
    assert_eq!(column(&rows[0], "entity_name"), "Example Ministry");
    assert_eq!(column(&rows[0], "regional_group"), "weog");
    assert_eq!(column(&rows[0], "development_status"), "developed");
    assert!(column(&rows[0], "attachments").contains("annexe.txt"));
    assert_eq!(column(&rows[1], "title"), "Spam & <cybercrime>");
    assert_eq!(column(&rows[2], "withheld_reason"), "personal data");
    assert_eq!(column(&rows[2], "title"), "");
    assert_eq!(column(&rows[2], "record_sha256").len(), 64);

    let json_text = output(|out| contributions_json(&f.store, &f.consultation, out).expect("json"));
    assert!(!json_text.contains("Jean"));
    let items: Vec<serde_json::Value> = serde_json::from_str(&json_text).expect("JSON");
    assert_eq!(items.len(), 3);
    assert_eq!(items[0]["attachments"][0]["url"], format!("/contributions/{}/files/0", f.ids[0].0));
    assert_eq!(items[0]["late"], false);
    assert_eq!(items[2]["body"], serde_json::Value::Null);
}

#[test]
fn csv_cells_that_a_spreadsheet_would_run_are_written_as_text_and_json_stays_exact() {
    let mut f = fixture();
    let formulas = ["=HYPERLINK(\"http://evil.example\")", "+1+1", "-2+3", "@SUM(A1)"];
    for formula in formulas {
        submit(&mut f, from(&format!("{formula} Entity"), "civil_society", "KE", "en", formula, "Body."));
    }
    let csv_text = output(|out| contributions_csv(&f.store, &f.consultation, out).expect("csv"));
    let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
    let title = CONTRIBUTION_COLUMNS.iter().position(|c| *c == "title").expect("title column");
    let entity = CONTRIBUTION_COLUMNS.iter().position(|c| *c == "entity_name").expect("entity column");
    let rows: Vec<csv::StringRecord> = reader.records().collect::<Result<_, _>>().expect("rows");
    for (row, formula) in rows[3..].iter().zip(formulas) {
        assert_eq!(&row[title], format!("'{formula}"));
        assert!(row[entity].starts_with('\''), "{:?}", &row[entity]);
    }
    assert_eq!(&rows[1][title], "Spam & <cybercrime>", "ordinary text is untouched");
    let entities = output(|out| entities_csv(&f.store, &f.consultation, out).expect("csv"));
    assert!(entities.lines().skip(1).all(|l| !l.split(',').nth(1).is_some_and(|name| name.starts_with('='))));
    let json_text = output(|out| contributions_json(&f.store, &f.consultation, out).expect("json"));
    let items: Vec<serde_json::Value> = serde_json::from_str(&json_text).expect("JSON");
    assert_eq!(items[3]["title"], formulas[0], "JSON keeps the text exact");
    assert_eq!(crate::spreadsheet_safe("\tcell"), "'\tcell");
    assert_eq!(crate::spreadsheet_safe("\rcell"), "'\rcell");
    assert_eq!(crate::spreadsheet_safe("a=b"), "a=b");
}

#[test]
fn entities_as_csv_json_and_popolo_leave_out_those_only_withheld() {
    let f = fixture();
    let csv_text = output(|out| entities_csv(&f.store, &f.consultation, out).expect("csv"));
    let lines: Vec<&str> = csv_text.lines().collect();
    assert_eq!(lines[0], ENTITY_COLUMNS.join(","));
    assert_eq!(lines.len(), 3, "{csv_text}");
    assert!(!csv_text.contains("Jean"));
    let json: Vec<serde_json::Value> =
        serde_json::from_str(&output(|out| entities_json(&f.store, &f.consultation, out).expect("json")))
            .expect("JSON");
    assert_eq!(json[1]["name"], "Example Society & Co");
    assert_eq!(json[1]["contributions"], 1);
    let popolo: serde_json::Value =
        serde_json::from_str(&output(|out| entities_popolo(&f.store, &f.consultation, out).expect("popolo")))
            .expect("JSON");
    let organizations = popolo["organizations"].as_array().expect("organizations");
    assert_eq!(organizations.len(), 2);
    assert_eq!(organizations[0]["classification"], "government");
    assert_eq!(organizations[0]["area_id"], "iso3166-1:FR");
    let areas: Vec<&str> = popolo["areas"].as_array().expect("areas").iter().filter_map(|a| a["id"].as_str()).collect();
    assert_eq!(areas, ["iso3166-1:FR", "iso3166-1:KE"]);
}

#[test]
fn the_feed_lists_published_contributions_newest_first_escaped() {
    let f = fixture();
    let feed = atom_feed(&f.store, &f.consultation, "https://consulta.example.org/").expect("feed");
    assert_eq!(feed.matches("<entry").count(), 2);
    assert!(!feed.contains("Jean"));
    assert!(feed.contains("<title>Spam &amp; &lt;cybercrime&gt;</title>"));
    assert!(feed.contains("<id>https://consulta.example.org/consultations/ec-2010</id>"));
    let second = feed.find(&format!("contributions/{}<", f.ids[1].0)).expect("second");
    let first = feed.find(&format!("contributions/{}<", f.ids[0].0)).expect("first");
    assert!(second < first, "newest first");
}

fn archive(f: &Fixture) -> Vec<u8> {
    let mut bytes = Cursor::new(Vec::new());
    let summary = write_archive(&f.store, &f.blobs, &f.signer, &f.consultation, now(), &mut bytes).expect("archive");
    assert_eq!((summary.contributions, summary.withheld, summary.tree_size), (3, 1, 3));
    bytes.into_inner()
}

/// The archive with its entries changed by `change` (None drops the entry) and `extra` added.
fn rewritten(archive: &[u8], change: impl Fn(&str, Vec<u8>) -> Option<Vec<u8>>, extra: &[(&str, &[u8])]) -> Vec<u8> {
    let mut input = zip::ZipArchive::new(Cursor::new(archive)).expect("zip");
    let mut output = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for i in 0..input.len() {
        let mut entry = input.by_index(i).expect("entry");
        let name = entry.name().expect("name").into_owned();
        let mut bytes = Vec::new();
        entry.read_to_end(&mut bytes).expect("read");
        if let Some(bytes) = change(&name, bytes) {
            output.start_file(name, zip::write::SimpleFileOptions::default()).expect("start");
            output.write_all(&bytes).expect("write");
        }
    }
    for (name, bytes) in extra {
        output.start_file(*name, zip::write::SimpleFileOptions::default()).expect("start");
        output.write_all(bytes).expect("write");
    }
    output.finish().expect("finish").into_inner()
}

#[test]
fn an_archive_verifies_offline_and_holds_nothing_withheld() {
    let f = fixture();
    let bytes = archive(&f);
    let report = verify_archive(Cursor::new(&bytes)).expect("verifies");
    assert_eq!((report.contributions, report.withheld, report.tree_size), (3, 1, 3));
    assert_eq!(report.consultation, "ec-2010");
    assert_eq!(report.public_key, consulta_log::to_hex(&f.signer.public_key()));

    let mut zip = zip::ZipArchive::new(Cursor::new(&bytes)).expect("zip");
    let names: Vec<String> = zip.file_names().map(|n| n.expect("name").into_owned()).collect();
    let first = f.ids[0].0;
    for expected in [
        "manifest.json".to_owned(),
        "records.jsonl".into(),
        "texts.jsonl".into(),
        format!("attachments/{first}/0-annexe.txt"),
        "contributions.csv".into(),
        "entities.popolo.json".into(),
    ] {
        assert!(names.contains(&expected), "{expected} in {names:?}");
    }
    let withheld = f.ids[2].0;
    assert!(!names.iter().any(|n| n.contains(&format!("/{withheld}"))), "{names:?}");
    let entry = |zip: &mut zip::ZipArchive<Cursor<&Vec<u8>>>, name: &str| {
        let mut text = String::new();
        zip.by_name(name).expect(name).read_to_string(&mut text).expect("read");
        text
    };
    let records = entry(&mut zip, "records.jsonl");
    assert_eq!(records.lines().count(), 2, "a line for each published record: {records}");
    assert!(records.lines().next().is_some_and(|l| l.starts_with('{') && l.contains(&format!("\"id\":{first}"))));
    let texts = entry(&mut zip, "texts.jsonl");
    assert!(texts.contains(&format!("{{\"file\":0,\"id\":{first},")), "the extracted text of the file: {texts}");
    for i in 0..zip.len() {
        let mut entry = zip.by_index(i).expect("entry");
        let mut text = Vec::new();
        entry.read_to_end(&mut text).expect("read");
        assert!(!String::from_utf8_lossy(&text).contains("Secrète"), "{:?} holds withheld text", entry.name());
    }
}

#[test]
fn a_changed_archive_is_refused_with_what_changed() {
    let f = fixture();
    let bytes = archive(&f);
    let first = f.ids[0].0;
    let record = "records.jsonl";
    let verify = |bytes: Vec<u8>| verify_archive(Cursor::new(bytes));

    let edited = rewritten(
        &bytes,
        |name, b| Some(if name == record { b.replace_text("renforcer", "affaiblir") } else { b }),
        &[],
    );
    assert_eq!(verify(edited), Err(ArchiveProblem::FileChanged(record.into())));

    // The records' file and the manifest's hash of it changed: the record's hash does not agree.
    let original = {
        let mut zip = zip::ZipArchive::new(Cursor::new(&bytes)).expect("zip");
        let mut text = String::new();
        zip.by_name(record).expect("records").read_to_string(&mut text).expect("read");
        text
    };
    let forged = original.replace("renforcer", "affaiblir");
    let hash = |text: &str| consulta_log::to_hex(&consulta_log::sha256(text.as_bytes()));
    let first_line = |text: &str| text.lines().next().expect("a record").to_owned();
    let forge = |also_the_record: bool| {
        rewritten(
            &bytes,
            |name, b| match name {
                n if n == record => Some(forged.as_bytes().to_vec()),
                "manifest.json" => {
                    let b = b.replace_text(&hash(&original), &hash(&forged));
                    Some(if also_the_record {
                        b.replace_text(&hash(&first_line(&original)), &hash(&first_line(&forged)))
                    } else {
                        b
                    })
                }
                _ => Some(b),
            },
            &[],
        )
    };
    assert_eq!(verify(forge(false)), Err(ArchiveProblem::RecordChanged(first)));
    // A records file of one endless line, listed with its true hash and size, is refused
    // without being read whole.
    let endless = vec![b'x'; 9 << 20];
    let listed = rewritten(
        &bytes,
        |name, b| match name {
            n if n == record => Some(endless.clone()),
            "manifest.json" => {
                let mut manifest: serde_json::Value = serde_json::from_slice(&b).expect("JSON");
                for file in manifest["files"].as_array_mut().expect("files") {
                    if file["path"] == record {
                        file["size"] = endless.len().into();
                        file["sha256"] = consulta_log::to_hex(&consulta_log::sha256(&endless)).into();
                    }
                }
                Some(serde_json::to_vec(&manifest).expect("JSON"))
            }
            _ => Some(b),
        },
        &[],
    );
    assert!(
        matches!(verify(listed), Err(ArchiveProblem::RecordMismatch { id, ref detail }) if id == first && detail.contains("longer")),
    );
    // And the manifest's hash of the record: the log does not agree.
    assert_eq!(verify(forge(true)), Err(ArchiveProblem::NotInLog(first)));

    let attachment = format!("attachments/{first}/0-annexe.txt");
    let dropped = rewritten(&bytes, |name, b| (name != attachment).then_some(b), &[]);
    assert_eq!(verify(dropped), Err(ArchiveProblem::MissingFile(attachment)));
    let extra = rewritten(&bytes, |_, b| Some(b), &[("records/999.json", b"{}")]);
    assert_eq!(verify(extra), Err(ArchiveProblem::UnlistedFile("records/999.json".into())));
    let unsigned = rewritten(
        &bytes,
        |name, b| {
            Some(if name == "manifest.json" { b.replace_text("\"signature\": \"", "\"signature\": \"00") } else { b })
        },
        &[],
    );
    assert!(matches!(verify(unsigned), Err(ArchiveProblem::BadSignature | ArchiveProblem::BadManifest(_))));
    assert!(matches!(verify(b"not a zip".to_vec()), Err(ArchiveProblem::Unreadable(_))));
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]

    /// Whatever bytes of an archive are changed, the check answers without panicking, and an
    /// archive it accepts says what the original said.
    #[test]
    fn a_damaged_archive_never_panics_the_check(changes in proptest::collection::vec((0.0..1.0f64, 0u8..=255), 1..4)) {
        let (original, bytes) = archive_once();
        let mut damaged = bytes.clone();
        for (at, value) in changes {
            let at = ((damaged.len() - 1) as f64 * at) as usize;
            damaged[at] = value;
        }
        if let Ok(report) = verify_archive(Cursor::new(damaged)) {
            proptest::prop_assert_eq!(report, original.clone());
        }
    }
}

/// One archive and its check, made once for the property test.
fn archive_once() -> &'static (ArchiveReport, Vec<u8>) {
    static ARCHIVE: std::sync::OnceLock<(ArchiveReport, Vec<u8>)> = std::sync::OnceLock::new();
    ARCHIVE.get_or_init(|| {
        let f = fixture();
        let bytes = archive(&f);
        (verify_archive(Cursor::new(&bytes)).expect("verifies"), bytes)
    })
}

trait ReplaceText {
    fn replace_text(self, from: &str, to: &str) -> Vec<u8>;
}

impl ReplaceText for Vec<u8> {
    fn replace_text(self, from: &str, to: &str) -> Vec<u8> {
        let text = String::from_utf8(self).expect("UTF-8");
        assert!(text.contains(from), "{from} in {text}");
        text.replace(from, to).into_bytes()
    }
}

#[test]
fn statements_and_votes_are_published_counted_and_anonymised() {
    use consulta_core::{CastVote, Choice, NewStatement, Origin, Voter};
    use consulta_store::AgreementStore;
    let mut f = fixture();
    let by = consulta_store::AuditActor::command_line("test", now());
    let statement = |text: &str, origin| NewStatement {
        consultation: f.consultation.id,
        text: text.to_owned(),
        language: "en".parse().expect("en"),
        origin,
        source: Some(f.ids[0]),
        external_id: None,
        proposed_by: None,
        proposed_at: now(),
    };
    let (accepted, pending) =
        (statement("=Spam needs a global answer", Origin::Secretariat), statement("A proposal", Origin::Participant));
    let accepted = f.store.add_statement(&accepted, Some(&by)).expect("accepted");
    f.store.add_statement(&pending, None).expect("pending");
    let secret = "c0ffee".repeat(10) + "abcd";
    for (key, choices) in
        [(secret.as_str(), [Choice::Disagree, Choice::Agree]), ("another", [Choice::Pass, Choice::Pass])]
    {
        let participant =
            f.store.participant(f.consultation.id, &Voter::Anonymous(key.into()), None, now()).expect("participant");
        for choice in choices {
            f.store.cast_vote(&CastVote { participant, statement: accepted.id, choice, cast_at: now() }).expect("vote");
        }
    }
    let statements = output(|out| statements_csv(&f.store, &f.consultation, out).expect("statements"));
    let rows: Vec<&str> = statements.lines().collect();
    assert_eq!(rows.len(), 2, "the pending proposal is not published: {statements}");
    assert!(rows[1].contains("'=Spam needs a global answer"), "a formula is defused: {statements}");
    assert!(rows[1].contains(",1,0,1,"), "latest votes counted (agree, disagree, pass): {statements}");
    let leaf = f.store.statement_leaves().expect("leaves")[0].2;
    assert!(rows[1].ends_with(&consulta_log::to_hex(&leaf)), "{statements}");
    let votes = output(|out| votes_csv(&f.store, &f.consultation, out).expect("votes"));
    assert_eq!(votes, format!("participant,statement,vote\n1,{id},1\n2,{id},0\n", id = accepted.id.0));
    assert!(!votes.contains(&secret) && !statements.contains(&secret));
}

#[test]
fn each_contribution_names_its_campaign() {
    use consulta_store::CampaignStore;
    let mut f = fixture();
    f.store.set_campaigns(f.consultation.id, &[(f.ids[0], f.ids[0]), (f.ids[1], f.ids[0])]).expect("campaigns");
    let csv_text = output(|out| contributions_csv(&f.store, &f.consultation, out).expect("csv"));
    let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
    let column = CONTRIBUTION_COLUMNS.iter().position(|c| *c == "campaign").expect("the column");
    let campaigns: Vec<String> = reader.records().map(|r| r.expect("row")[column].to_owned()).collect();
    let first = f.ids[0].0.to_string();
    assert_eq!(campaigns, [first.as_str(), first.as_str(), ""], "the withheld one names none");
    let json_text = output(|out| contributions_json(&f.store, &f.consultation, out).expect("json"));
    let rows: Vec<serde_json::Value> = serde_json::from_str(&json_text).expect("JSON");
    assert_eq!(rows[1]["campaign"], serde_json::json!(f.ids[0].0));
}
