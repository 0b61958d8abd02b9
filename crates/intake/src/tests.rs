//! Tests of the importer on real files written to a temporary SQLite store.

use consulta_core::ConsultationDraft;
use consulta_store::{ContributionFilter, PageRequest, RecordStore, SqliteStore};

use super::*;

struct Fixture {
    _dir: tempfile::TempDir,
    store: SqliteStore,
    consultation: Consultation,
}

fn fixture() -> Fixture {
    let draft = ConsultationDraft { time_zone: "America/New_York".into(), ..consulta_testkit::consultation_2010() };
    let record = consulta_testkit::TempRecord::with(draft);
    let mut store = record.store();
    let consultation = record.consultation;
    store.add_meeting(consultation.id, "2010-12-14".parse().expect("date"), "New York").expect("meeting");
    Fixture { _dir: record.dir, store, consultation }
}

const HEADER: &str = "entity,stakeholder_group,country,channel,submitted_at,language,title,body,meeting\n";

fn import(f: &mut Fixture, csv: &str, options: ImportOptions) -> Result<ImportSummary, ImportError> {
    import_contributions(&mut f.store, &f.consultation, csv.as_bytes(), options, &mut |_| {})
}

fn recorded(f: &Fixture) -> u64 {
    f.store.contributions(&ContributionFilter::default(), PageRequest { offset: 0, limit: 1 }).expect("list").total
}

/// The (line, field) of each reported error.
fn errors(result: Result<ImportSummary, ImportError>) -> Vec<(u64, Option<&'static str>, RowProblem)> {
    match result {
        Err(ImportError::Rows { errors, .. }) => errors.into_iter().map(|e| (e.line, e.field, e.problem)).collect(),
        other => panic!("expected row errors, got {other:?}"),
    }
}

#[test]
fn a_good_file_is_recorded_with_its_entities() {
    let mut f = fixture();
    let csv = format!(
        "{HEADER}\
Example Ministry,government,SN,written,2010-10-01,fr,Observations,Texte,\n\
Example NGO,civil_society,,presentation,2010-12-14T15:00:00Z,en,Statement,Text,2010-12-14\n\
example  ngo,civil_society,,intervention,2010-12-14,en,Remark,Text,2010-12-14\n"
    );
    let summary = import(&mut f, &csv, ImportOptions::default()).expect("import");
    assert_eq!(summary, ImportSummary { contributions: 3, new_entities: 2, late: 0 });
    let mut counts = f.store.channel_counts(f.consultation.id).expect("counts");
    counts.sort();
    assert_eq!(counts.len(), 3);
}

#[test]
fn spreadsheet_files_are_read_bom_crlf_and_multiline_fields_included() {
    let mut f = fixture();
    let csv = "\u{feff}entity,stakeholder_group,country,channel,submitted_at,language,title,body,meeting\r\n\
\"Example, Inc.\",private_sector,US,written,2010-11-02,en,\"Title with \"\"quotes\"\"\",\"First line\r\nSecond line\",\r\n\
\r\n";
    let summary = import(&mut f, csv, ImportOptions::default()).expect("import");
    assert_eq!(summary.contributions, 1);
    let page =
        f.store.contributions(&ContributionFilter::default(), PageRequest { offset: 0, limit: 1 }).expect("list");
    assert_eq!(page.items[0].entity_name, "Example, Inc.");
    let stored = f.store.contribution(page.items[0].id).expect("read").expect("found");
    assert_eq!(stored.record.body, "First line\nSecond line");
    assert_eq!(stored.record.title, "Title with \"quotes\"");
}

#[test]
fn one_bad_row_refuses_the_whole_file_and_names_line_and_field() {
    let mut f = fixture();
    let csv = format!(
        "{HEADER}\
Example Ministry,government,SN,written,2010-10-01,fr,Observations,Texte,\n\
Example NGO,civil_society,XX,written,2010-10-01,en,Statement,\"Two\nlines\",\n\
Example Firm,private_sector,US,written,2010-10-01,en,Statement,Text,\n"
    );
    let found = errors(import(&mut f, &csv, ImportOptions::default()));
    assert_eq!(found, vec![(3, Some("country"), RowProblem::UnknownCountry("XX".to_owned()))]);
    assert_eq!(recorded(&f), 0, "nothing may be written");
    let mut tx = f.store.begin().expect("begin");
    assert!(tx.entity_by_name(&"Example Ministry".parse().expect("name")).expect("lookup").is_none());
}

#[test]
fn every_kind_of_bad_row_is_reported() {
    let mut f = fixture();
    let csv = format!(
        "{HEADER}\
Example A,governments,,written,2010-10-01,en,T,B,\n\
Example B,government,,email,2010-10-01,en,T,B,\n\
Example C,government,,written,14/10/2010,en,T,B,\n\
Example D,government,,written,2011-02-01,en,T,B,\n\
Example E,government,,presentation,2010-12-14,en,T,B,\n\
Example F,government,,presentation,2010-12-14,en,T,B,2010-12-15\n\
Example G,government,,written,2010-10-01,english!,T,B,\n\
Example H,government,,written,2010-10-01,en,,B,\n\
,government,,written,2010-10-01,en,T,B,\n\
Example I,government,,written,2010-10-01,en,T\n"
    );
    let found: Vec<_> =
        errors(import(&mut f, &csv, ImportOptions::default())).into_iter().map(|(l, f, _)| (l, f)).collect();
    assert_eq!(
        found,
        vec![
            (2, Some("stakeholder_group")),
            (3, Some("channel")),
            (4, Some("submitted_at")),
            (5, Some("submitted_at")),
            (6, Some("meeting")),
            (7, Some("meeting")),
            (8, Some("language")),
            (9, Some("title")),
            (10, Some("entity")),
            (11, None),
        ]
    );
    assert_eq!(recorded(&f), 0);
}

#[test]
fn late_rows_are_recorded_when_accepted() {
    let mut f = fixture();
    let csv = format!("{HEADER}Example A,government,,written,2011-01-05,en,T,B,\n");
    let summary = import(&mut f, &csv, ImportOptions { accept_late: true }).expect("import");
    assert_eq!(summary.late, 1);
    let page =
        f.store.contributions(&ContributionFilter::default(), PageRequest { offset: 0, limit: 1 }).expect("list");
    assert!(page.items[0].late);
}

#[test]
fn the_period_is_read_in_the_consultation_time_zone() {
    let mut f = fixture();
    // 03:00 UTC on 1 January 2011 is still 31 December in New York.
    let csv = format!("{HEADER}Example A,government,,written,2011-01-01T03:00:00Z,en,T,B,\n");
    assert!(import(&mut f, &csv, ImportOptions::default()).is_ok());
}

#[test]
fn an_entity_described_two_ways_is_refused() {
    let mut f = fixture();
    let csv = format!(
        "{HEADER}\
Example A,government,FR,written,2010-10-01,en,T,B,\n\
Example A,civil_society,FR,written,2010-10-01,en,T,B,\n\
EXAMPLE A,government,DE,written,2010-10-01,en,T,B,\n"
    );
    let found: Vec<_> =
        errors(import(&mut f, &csv, ImportOptions::default())).into_iter().map(|(l, f, _)| (l, f)).collect();
    assert_eq!(found, vec![(3, Some("stakeholder_group")), (4, Some("country"))]);
}

#[test]
fn an_entity_already_recorded_is_reused() {
    let mut f = fixture();
    let first = format!("{HEADER}Example A,government,FR,written,2010-10-01,en,T,B,\n");
    import(&mut f, &first, ImportOptions::default()).expect("first import");
    let second = format!("{HEADER}Example A,government,FRA,written,2010-10-02,en,T,B,\n");
    let summary = import(&mut f, &second, ImportOptions::default()).expect("second import");
    assert_eq!(summary.new_entities, 0);
    let conflicting = format!("{HEADER}Example A,academic,FR,written,2010-10-02,en,T,B,\n");
    assert!(import(&mut f, &conflicting, ImportOptions::default()).is_err());
    assert_eq!(recorded(&f), 2);
}

#[test]
fn headers_are_checked() {
    let mut f = fixture();
    let missing = import(&mut f, "entity,channel\nA,written\n", ImportOptions::default());
    assert!(matches!(missing, Err(ImportError::File(FileProblem::MissingColumns(ref c))) if c.len() == 7));
    let unknown = format!("{},titel\n", HEADER.trim_end());
    assert!(matches!(
        import(&mut f, &unknown, ImportOptions::default()),
        Err(ImportError::File(FileProblem::UnknownColumns(_)))
    ));
    assert!(matches!(import(&mut f, "", ImportOptions::default()), Err(ImportError::File(FileProblem::Empty))));
    assert!(matches!(import(&mut f, HEADER, ImportOptions::default()), Err(ImportError::File(FileProblem::NoRows))));
}

#[test]
fn columns_may_come_in_any_order_with_on_behalf_of() {
    let mut f = fixture();
    let csv = "title,body,entity,stakeholder_group,country,channel,submitted_at,language,meeting,on_behalf_of\n\
T,B,Example Chamber,private_sector,,presentation,2010-12-14,en,2010-12-14,private_sector\n";
    import(&mut f, csv, ImportOptions::default()).expect("import");
    let page =
        f.store.contributions(&ContributionFilter::default(), PageRequest { offset: 0, limit: 1 }).expect("list");
    let stored = f.store.contribution(page.items[0].id).expect("read").expect("found");
    assert_eq!(stored.record.on_behalf_of.map(|g| g.to_string()).as_deref(), Some("private_sector"));
    assert!(stored.record.meeting.is_some());
}

#[test]
fn text_that_is_not_utf8_is_named() {
    let mut f = fixture();
    let mut bytes = HEADER.as_bytes().to_vec();
    bytes.extend_from_slice(b"Soci\xe9t\xe9,civil_society,,written,2010-10-01,fr,T,B,\n");
    let result =
        import_contributions(&mut f.store, &f.consultation, bytes.as_slice(), ImportOptions::default(), &mut |_| {});
    assert_eq!(errors(result), vec![(2, Some("entity"), RowProblem::NotUtf8)]);
}

#[test]
fn errors_read_in_french() {
    let error = RowError { line: 12, field: Some("country"), problem: RowProblem::UnknownCountry("XX".to_owned()) };
    let fr = consulta_i18n::Localizer::for_language("fr").expect("fr");
    assert!(error.describe(&fr).starts_with("ligne 12, colonne country : code de pays inconnu « XX »"));
    assert!(error.to_string().starts_with("line 12, column country: unknown country code “XX”"));
}

mod properties {
    //! Any file, and a real file with bytes changed, is imported whole or refused whole: a
    //! refused file leaves the record as it was, and no file makes the importer panic.
    use proptest::prelude::*;

    use super::*;

    const GOOD: &str = "entity,stakeholder_group,country,channel,submitted_at,language,title,body,meeting\n\
        Example Ministry,government,FR,written,2010-10-01,fr,Avis,\"Texte, inventé\",\n\
        Example Network,civil_society,KE,presentation,2010-12-14,en,Views,Invented text.,2010-12-14\n";

    fn outcome(bytes: &[u8]) -> Result<(), TestCaseError> {
        let mut f = fixture();
        let result = import_contributions(&mut f.store, &f.consultation, bytes, ImportOptions::default(), &mut |_| {});
        match result {
            Ok(summary) => prop_assert_eq!(recorded(&f), summary.contributions),
            Err(_) => prop_assert_eq!(recorded(&f), 0, "a refused file leaves the record as it was"),
        }
        Ok(())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        #[test]
        fn any_bytes_are_imported_whole_or_refused_whole(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
            outcome(&bytes)?;
        }

        #[test]
        fn a_real_file_with_bytes_changed(changes in prop::collection::vec((any::<usize>(), any::<u8>()), 1..8)) {
            let mut bytes = GOOD.as_bytes().to_vec();
            for (at, value) in changes {
                let at = at % bytes.len();
                bytes[at] = value;
            }
            outcome(&bytes)?;
        }
    }
}

/// Every problem a contributor or an importer can meet, as a French reader reads it: no English
/// left in it, and no identifier where a name belongs (a group, a channel).
#[test]
fn every_problem_reads_in_french_without_english_or_identifiers() {
    use consulta_core::ConsultationStatus;
    use consulta_core::entity::EntityNameError;

    use crate::submission::SubmissionError;

    let problems = [
        RowProblem::Missing,
        RowProblem::NotUtf8,
        RowProblem::FieldCount { expected: 10, found: 9 },
        RowProblem::EntityName(EntityNameError::Empty),
        RowProblem::EntityName(EntityNameError::TooLong),
        RowProblem::EntityName(EntityNameError::ControlCharacter),
        RowProblem::UnknownGroup { value: "ong".into(), known: vec!["civil_society".into()] },
        RowProblem::UnknownCountry("XX".into()),
        RowProblem::CountryRequired,
        RowProblem::BadDate("14/12/2010".into()),
        RowProblem::OutsidePeriod("2011-01-02".into()),
        RowProblem::BadLanguage("français".into()),
        RowProblem::BadEmail("contact".into()),
        RowProblem::TitleTooLong(500),
        RowProblem::BodyTooLarge(1_000_000),
        RowProblem::ControlCharacter { at: 3, code: 0x1b },
        RowProblem::MeetingRequired("presentation"),
        RowProblem::UnknownMeeting { date: "2010-12-15".into(), known: vec!["2010-12-14".into()] },
        RowProblem::UnknownMeeting { date: "2010-12-15".into(), known: vec![] },
        RowProblem::EntityGroupConflict { entity: "Exemple".into(), recorded: "government".into() },
        RowProblem::EntityCountryConflict { entity: "Exemple".into(), recorded: "FR".into() },
        RowProblem::EntityCountryConflict { entity: "Exemple".into(), recorded: String::new() },
    ];
    let submission_errors = [
        SubmissionError::Invalid(problems.iter().map(|p| ("entity", p.clone())).collect()),
        SubmissionError::TooManyFiles { max: 10 },
        SubmissionError::FileTooLarge { name: "note.pdf".into(), max: 25 << 20 },
        SubmissionError::BadFileName("..".into()),
        SubmissionError::NotOpen(ConsultationStatus::Upcoming),
        SubmissionError::NotOpen(ConsultationStatus::Closed),
        SubmissionError::CannotAmend(4),
        SubmissionError::VerifiedOnly,
        SubmissionError::IdempotencyConflict,
        SubmissionError::BadIdempotencyKey,
    ];
    let french = consulta_i18n::Localizer::for_language("fr").expect("fr");
    let texts = problems
        .iter()
        .map(|p| p.describe(&french))
        .chain(submission_errors.iter().map(|e| e.describe(&french)))
        .chain([RowError { line: 3, field: Some("country"), problem: RowProblem::Missing }.describe(&french)]);
    // A file's unknown channel is answered with the identifiers the file must hold: no other
    // message may show one.
    let channel = RowProblem::UnknownChannel("email".into()).describe(&french);
    assert!(channel.contains("« email »") && channel.contains("written, presentation ou intervention"), "{channel}");
    // Words that only English has, and the identifiers a French reader must never see.
    let english = [
        "the",
        "is",
        "of",
        "and",
        "with",
        "must",
        "should",
        "not",
        "empty",
        "field",
        "name",
        "recorded",
        "expected",
        "characters",
        "written",
    ];
    let identifiers = ["government", "presentation", "intervention", "private_sector"];
    for text in texts {
        let words: Vec<String> = text
            .split(|c: char| !c.is_alphanumeric() && c != '_')
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect();
        for word in english.iter().chain(&identifiers) {
            assert!(!words.iter().any(|w| w == word), "“{word}” in: {text}");
        }
    }
}
