//! The demonstration: a closed consultation modelled on the 2010 open consultations on enhanced
//! cooperation, whose 98 invented contributions give the table of the Secretary-General's report
//! on them (A/66/77–E/2011/103, of 4 May 2011); an open consultation dated around the day the
//! demo starts, with a few contributions and attachments, and campaigns of invented letters
//! (`campaigns`); and a secretariat and a focal point account to try them with. Everything is loaded through the same functions as `consultation create`,
//! `import contributions`, the contribution form and `admin create`.

mod bodies;
mod campaigns;
mod drafts;
mod follow_up;
mod forum;

use std::collections::BTreeMap;

use anyhow::Context;
use consulta_analysis::{Classifier, suggest};
use consulta_blobs::BlobStore;
use consulta_core::access::Role;
use consulta_core::time::parse_date;
use consulta_core::{Consultation, ConsultationDraft, IssueId};
use consulta_intake::submission::{Limits, Sender, Submission, UploadedFile, prepare, record_in};
use consulta_intake::{ImportOptions, import_contributions};
use consulta_store::{AuditActor, ContributionFilter, NewAccount, PageRequest, Store};
use consulta_web::DemoAccount;
use jiff::{Timestamp, ToSpan};
use serde::Deserialize;

const CLOSED_CONSULTATION: &str = include_str!("../../demo/consultation.json");
const CLOSED_CONTRIBUTIONS: &str = include_str!("../../demo/contributions.csv");
const OPEN_CONSULTATION: &str = include_str!("../../demo/open_consultation.json");
const OPEN_CONTRIBUTIONS: &str = include_str!("../../demo/open_contributions.json");
const OPEN_STATEMENTS: &str = include_str!("../../demo/open_statements.json");

/// The entity the demonstration's focal point acts for.
const FOCAL_POINT_ENTITY: &str = "Fictional Republic of Aurelia";

#[derive(Deserialize)]
struct DemoConsultation {
    slug: String,
    original_language: String,
    title: BTreeMap<String, String>,
    description: BTreeMap<String, String>,
    mandate: BTreeMap<String, String>,
    /// Fixed dates (the 2010 consultation)…
    opens: Option<String>,
    closes: Option<String>,
    /// …or days counted from the day the demo starts (the open one).
    opens_days_from_today: Option<i64>,
    closes_days_from_today: Option<i64>,
    time_zone: String,
    questions: Vec<BTreeMap<String, String>>,
    meetings: Vec<DemoMeeting>,
    /// Whether only signed-in focal points may contribute (a reporting round).
    #[serde(default)]
    verified_only: bool,
    /// The report's invented symbol, organs, summary and conclusions.
    #[serde(default)]
    report_details: consulta_core::ReportDetails,
}

#[derive(Deserialize)]
struct DemoMeeting {
    date: String,
    place: String,
}

#[derive(Deserialize)]
struct DemoContribution {
    entity: String,
    stakeholder_group: String,
    country: String,
    language: String,
    days_ago: i64,
    focal_point: bool,
    title: String,
    body: String,
    attachment: Option<DemoAttachment>,
}

#[derive(Deserialize)]
struct DemoAttachment {
    /// A file of `DEMO_FILES`.
    name: String,
}

/// The demonstration's attachments: invented texts, as a PDF and a Word document.
const DEMO_FILES: &[(&str, &str, &[u8])] = &[
    ("aurelia-position-paper.pdf", "application/pdf", include_bytes!("../../demo/files/aurelia-position-paper.pdf")),
    (
        "reseaux-communautaires.docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        include_bytes!("../../demo/files/reseaux-communautaires.docx"),
    ),
];

/// What the demonstration loaded.
pub struct Loaded {
    pub contributions: u64,
    /// The accounts to try it with; their passwords are new at each load.
    pub accounts: Vec<DemoAccount>,
}

fn pairs(map: &BTreeMap<String, String>) -> Vec<(String, String)> {
    map.iter().map(|(k, v)| (k.clone(), v.clone())).collect()
}

/// Loads the demonstration into `store`, which should be empty, its attachments into `blobs`.
pub fn load(store: &mut dyn Store, blobs: &dyn BlobStore, now: Timestamp) -> anyhow::Result<Loaded> {
    let closed = create(store, CLOSED_CONSULTATION, now).context("demo/consultation.json")?;
    let summary =
        import_contributions(store, &closed, CLOSED_CONTRIBUTIONS.as_bytes(), ImportOptions::default(), &mut |_| {})
            .context("demo/contributions.csv")?;
    tag_as_suggested(store, &closed)?;
    let accounts = create_accounts(store)?;
    let open = create(store, OPEN_CONSULTATION, now).context("demo/open_consultation.json")?;
    let recorded = submit_open_contributions(store, blobs, &open, &accounts, now)?
        + campaigns::send_campaigns(store, blobs, &open, now).context("demo/open_campaigns.json")?;
    vote_on_open_statements(store, &closed, &open, now).context("demo/open_statements.json")?;
    drafts::negotiate(store, &open, now).context("demo/example_draft.txt")?;
    bodies::compose(store, &closed, now).context("demo/example_nominations.csv")?;
    follow_up::follow(store, now).context("demo/example_commitments_*.csv")?;
    forum::post(store, now).context("demo/example_forum.json")?;
    Ok(Loaded { contributions: summary.contributions as u64 + recorded, accounts })
}

fn create(store: &mut dyn Store, json: &str, now: Timestamp) -> anyhow::Result<Consultation> {
    let demo: DemoConsultation = serde_json::from_str(json)?;
    let zone = jiff::tz::TimeZone::get(&demo.time_zone)?;
    let today = now.to_zoned(zone).date();
    let date = |fixed: Option<String>, days: Option<i64>| -> anyhow::Result<String> {
        match (fixed, days) {
            (Some(fixed), _) => Ok(fixed),
            (None, Some(days)) => Ok(today.checked_add(days.days())?.to_string()),
            (None, None) => anyhow::bail!("a consultation needs its dates"),
        }
    };
    let draft = ConsultationDraft {
        slug: demo.slug,
        original_language: demo.original_language,
        title: pairs(&demo.title),
        description: pairs(&demo.description),
        mandate: pairs(&demo.mandate),
        opens: date(demo.opens, demo.opens_days_from_today)?,
        closes: date(demo.closes, demo.closes_days_from_today)?,
        time_zone: demo.time_zone,
        questions: demo.questions.iter().map(pairs).collect(),
        is_example: true,
        verified_only: demo.verified_only,
    };
    let consultation = store.create_consultation(&draft.check()?)?;
    for meeting in demo.meetings {
        store.add_meeting(consultation.id, parse_date(&meeting.date)?, &meeting.place)?;
    }
    if !demo.report_details.is_empty() {
        let by = AuditActor::command_line("demo", now);
        store.set_report_details(consultation.id, &demo.report_details.check()?, &by)?;
    }
    Ok(consultation)
}

/// A secretariat account and a focal point for a fictional State, each with a new password.
fn create_accounts(store: &mut dyn Store) -> anyhow::Result<Vec<DemoAccount>> {
    let by = AuditActor::command_line("demo", Timestamp::now());
    let entity = consulta_store::audited::recorded_entity(store, &FOCAL_POINT_ENTITY.parse()?)?
        .context("the focal point's entity is in demo/contributions.csv")?;
    let mut accounts = Vec::new();
    for (role, email, name, entity) in [
        (Role::Secretariat, "secretariat@demo.example", "Demonstration secretariat", None),
        (Role::FocalPoint, "focal-point@demo.example", "Demonstration focal point", Some(entity)),
    ] {
        // Twelve random bytes: a password nobody reuses, shown only by this demonstration.
        let password = format!("demo-{}", &consulta_auth::new_token()?[..24]);
        let new = NewAccount {
            email: email.to_owned(),
            name: name.to_owned(),
            role,
            entity: entity.as_ref().map(|e| e.id),
            language: "en".to_owned(),
            password_hash: consulta_auth::hash_password(&password)?,
        };
        store.create_account(&new, &by)?;
        accounts.push(DemoAccount {
            role,
            email: email.to_owned(),
            password,
            entity: entity.as_ref().map(|e| e.name.to_string()),
        });
    }
    Ok(accounts)
}

/// Sends the open consultation's contributions as the form does: checked, files stored, recorded
/// with their leaves; the focal point's verified, the others as unverified senders.
fn submit_open_contributions(
    store: &mut dyn Store,
    blobs: &dyn BlobStore,
    open: &Consultation,
    accounts: &[DemoAccount],
    now: Timestamp,
) -> anyhow::Result<u64> {
    let contributions: Vec<DemoContribution> =
        serde_json::from_str(OPEN_CONTRIBUTIONS).context("demo/open_contributions.json")?;
    let focal_point = accounts.iter().find(|a| a.role == Role::FocalPoint).map(|a| a.email.as_str());
    let mut recorded = 0;
    for demo in contributions {
        let files = demo
            .attachment
            .iter()
            .map(|a| {
                let (name, media_type, bytes) =
                    DEMO_FILES.iter().find(|(name, ..)| *name == a.name).with_context(|| {
                        format!("demo/open_contributions.json names a file not in demo/files: {}", a.name)
                    })?;
                Ok(UploadedFile {
                    name: (*name).to_owned(),
                    media_type: (*media_type).to_owned(),
                    bytes: bytes.to_vec(),
                })
            })
            .collect::<anyhow::Result<Vec<_>>>()?;
        let email = match (demo.focal_point, focal_point) {
            (true, Some(address)) => address.to_owned(),
            _ => format!("{}@contributor.example", demo.entity.to_lowercase().replace(' ', "-")),
        };
        let submission = Submission {
            entity: demo.entity,
            stakeholder_group: demo.stakeholder_group,
            country: demo.country,
            email,
            language: demo.language,
            title: demo.title,
            body: demo.body,
            files,
        };
        let sent = now.checked_sub((demo.days_ago * 24 + 3).hours())?;
        send(store, blobs, open, submission, Sender { verified: demo.focal_point, ..Sender::default() }, sent)?;
        recorded += 1;
    }
    Ok(recorded)
}

/// Sends one contribution as the form does: checked, its files stored, recorded with its leaf.
fn send(
    store: &mut dyn Store,
    blobs: &dyn BlobStore,
    open: &Consultation,
    submission: Submission,
    sender: Sender,
    sent: Timestamp,
) -> anyhow::Result<()> {
    let prepared = prepare(&*store, blobs, open, &submission, sender, Limits::default(), sent)
        .map_err(|e| anyhow::anyhow!("{}: {e}", submission.title))?;
    let mut transaction = store.begin()?;
    record_in(&mut *transaction, &prepared)?;
    transaction.commit()?;
    Ok(())
}

#[derive(Deserialize)]
struct DemoStatements {
    statements: Vec<DemoStatement>,
    pending: Vec<DemoStatement>,
}

#[derive(Deserialize)]
struct DemoStatement {
    language: String,
    text: String,
    /// The chance that a participant of each camp agrees.
    #[serde(default)]
    a: f64,
    #[serde(default)]
    b: f64,
    /// How much more likely a government is to agree.
    #[serde(default)]
    government: f64,
}

/// Invented members of the public who vote in the demonstration.
const DEMO_PUBLIC_VOTERS: u64 = 60;

/// A fixed sequence of numbers in [0, 1) (a linear congruential generator), so the demonstration
/// votes the same way at every load.
struct Dice(u64);

impl Dice {
    fn roll(&mut self) -> f64 {
        self.0 = self.0.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// Puts the demonstration's statements to the vote in the open consultation and votes on them:
/// the example entities of the closed consultation as verified participants (their stakeholder
/// groups and countries count), and invented members of the public, in two opinion camps, each
/// voting on most statements over the last days; one proposal waits for moderation.
fn vote_on_open_statements(
    store: &mut dyn Store,
    closed: &Consultation,
    open: &Consultation,
    now: Timestamp,
) -> anyhow::Result<()> {
    use consulta_core::{CastVote, Choice, NewStatement, Origin, Voter};
    let demo: DemoStatements = serde_json::from_str(OPEN_STATEMENTS)?;
    let by = AuditActor::command_line("demo", now);
    let mut statements = Vec::new();
    for (i, s) in demo.statements.iter().enumerate() {
        let new = NewStatement {
            consultation: open.id,
            text: consulta_core::agreement::statement_text(&s.text)?,
            language: s.language.parse()?,
            origin: Origin::Secretariat,
            source: None,
            external_id: None,
            proposed_by: None,
            proposed_at: now.checked_sub(((20 - i as i64) * 24).hours())?,
        };
        statements.push((store.add_statement(&new, Some(&by))?, s));
    }
    let filter = ContributionFilter { consultation: Some(closed.id), ..Default::default() };
    let mut entities = Vec::new();
    for summary in store.contributions(&filter, PageRequest { offset: 0, limit: 1000 })?.items {
        if !entities.contains(&summary.entity) {
            entities.push(summary.entity);
        }
    }
    let mut voters = Vec::new();
    for id in entities {
        let entity = store.entity(id)?.context("an entity of the closed consultation")?;
        voters.push((Voter::Verified(id), Some(entity)));
    }
    for n in 0..DEMO_PUBLIC_VOTERS {
        let key = consulta_log::to_hex(&consulta_log::sha256(format!("demo public voter {n}").as_bytes()));
        voters.push((Voter::Anonymous(key), None));
    }
    let mut dice = Dice(2010);
    for (n, (voter, entity)) in voters.iter().enumerate() {
        let joined = now.checked_sub((((n % 10) as i64 + 1) * 24).hours())?;
        let participant = store.participant(open.id, voter, entity.as_ref(), joined)?;
        let government = entity.as_ref().is_some_and(|e| e.group.as_str() == "government");
        // Governments and international organisations lean to camp a, the private sector to b.
        let lean_a = match entity.as_ref().map(|e| e.group.as_str()) {
            Some("government" | "international_organization") => 0.7,
            Some("private_sector") => 0.2,
            _ => 0.5,
        };
        let camp_a = dice.roll() < lean_a;
        for (k, (statement, s)) in statements.iter().enumerate() {
            if dice.roll() < 0.2 {
                continue;
            }
            let mut agree = if camp_a { s.a } else { s.b };
            if government {
                agree = (agree + s.government).clamp(0.0, 1.0);
            }
            let roll = dice.roll();
            let choice = if roll < agree * 0.9 {
                Choice::Agree
            } else if roll < 0.9 {
                Choice::Disagree
            } else {
                Choice::Pass
            };
            let cast_at = joined.checked_add((k as i64 * 7 + 1).minutes())?;
            store.cast_vote(&CastVote { participant, statement: statement.id, choice, cast_at })?;
        }
    }
    for s in &demo.pending {
        let proposer = store.participant(open.id, &voters[voters.len() - 1].0, None, now)?;
        let new = NewStatement {
            consultation: open.id,
            text: consulta_core::agreement::statement_text(&s.text)?,
            language: s.language.parse()?,
            origin: Origin::Participant,
            source: None,
            external_id: None,
            proposed_by: Some(proposer),
            proposed_at: now.checked_sub(2.hours())?,
        };
        store.add_statement(&new, None)?;
    }
    Ok(())
}

/// Tags every demonstration contribution with the issues its text names (the term lists'
/// suggestions, as a secretariat accepting them would), so the report has issues to show.
fn tag_as_suggested(store: &mut dyn Store, consultation: &Consultation) -> anyhow::Result<()> {
    let issues = store.issues()?;
    let none = Classifier::default();
    let by = AuditActor::command_line("demo", jiff::Timestamp::now());
    let filter = ContributionFilter { consultation: Some(consultation.id), ..Default::default() };
    let page = store.contributions(&filter, PageRequest { offset: 0, limit: 1000 })?;
    let ids: Vec<_> = page.items.iter().map(|c| c.id).collect();
    for text in store.public_texts(&ids)? {
        let suggested: Vec<IssueId> =
            suggest(&format!("{}\n{}", text.title, text.body), &text.language, &issues, &none, &[])
                .into_iter()
                .map(|s| s.issue)
                .collect();
        store.set_contribution_issues(text.id, &suggested, &by)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use consulta_report::{TableFormat, distribution_table, render_table};
    use consulta_store::RecordStore;
    use consulta_store::SqliteStore;

    use super::*;

    #[test]
    fn every_demo_file_is_named_by_a_contribution_and_says_it_is_invented() {
        let contributions: Vec<DemoContribution> = serde_json::from_str(OPEN_CONTRIBUTIONS).expect("demo json");
        let named: Vec<&str> =
            contributions.iter().filter_map(|c| Some(c.attachment.as_ref()?.name.as_str())).collect();
        assert_eq!(named.len(), DEMO_FILES.len());
        for (name, media_type, bytes) in DEMO_FILES {
            assert!(named.contains(name), "{name} is not sent by any contribution");
            let kind = consulta_extract::kind(bytes, media_type, name).expect("a kind Consulta reads");
            let text = consulta_extract::extract(kind, bytes).expect("its text");
            assert!(text.contains("invent"), "{name} says it is invented: {text}");
        }
    }

    #[test]
    fn the_open_consultations_report_has_its_points_of_agreement_in_every_format() {
        let dir = tempfile::tempdir().expect("temporary directory");
        let mut store = SqliteStore::open(&dir.path().join("demo.db")).expect("store");
        let blobs = consulta_blobs::LocalBlobs::new(dir.path().join("files"));
        load(&mut store, &blobs, Timestamp::now()).expect("demo loads");
        let consultation = store.consultation_by_slug("example-affordable-access").expect("read").expect("found");
        let input = consulta_report::gather(&store, consultation).expect("gather");
        let agreement = input.agreement.as_ref().expect("statements were voted on");
        assert_eq!(agreement.groups.groups.len(), 2, "the demo plants two opinion camps");
        assert!(!agreement.points_of_agreement().is_empty() && !agreement.points_for_further_debate().is_empty());
        let links = consulta_report::Links { base_url: None };
        for (language, heading, split) in [
            ("en", "V. Points of agreement and points for further debate", "are divided on"),
            ("fr", "V. Points d’accord et points à approfondir", "sont partagés sur"),
        ] {
            let localizer = consulta_i18n::Localizer::for_language(language).expect("language");
            let document = consulta_report::synthesis(&input, &localizer, &links, jiff::civil::date(2026, 12, 2));
            let text = document.plain_text();
            assert!(text.contains(heading) && text.contains(split), "{text}");
            let map = document.blocks.iter().find_map(|b| match b {
                consulta_report::document::Block::Map(map) => Some(map),
                _ => None,
            });
            assert_eq!(map.expect("the opinion map").points.len(), agreement.groups.group_of.iter().flatten().count());
            for format in consulta_report::ReportFormat::ALL {
                if format == consulta_report::ReportFormat::Pdf && !consulta_report::pdf::fonts_here_for_tests() {
                    continue;
                }
                let bytes = consulta_report::render_report(&document, format).expect("the report renders");
                assert!(bytes.len() > 1000, "{format:?}");
            }
            let markdown = String::from_utf8(
                consulta_report::render_report(&document, consulta_report::ReportFormat::Markdown).expect("markdown"),
            )
            .expect("UTF-8");
            assert!(markdown.contains("```text\n") && markdown.contains('A') && markdown.contains('B'));
            let html = String::from_utf8(
                consulta_report::render_report(&document, consulta_report::ReportFormat::Html).expect("html"),
            )
            .expect("UTF-8");
            assert!(html.matches("<circle").count() >= 90, "a dot per placed participant");
        }
    }

    #[test]
    fn the_reports_table_is_the_seeds_table_in_french_and_english() {
        let dir = tempfile::tempdir().expect("temporary directory");
        let mut store = SqliteStore::open(&dir.path().join("demo.db")).expect("store");
        let blobs = consulta_blobs::LocalBlobs::new(dir.path().join("files"));
        load(&mut store, &blobs, Timestamp::now()).expect("demo loads");
        let consultation = store.consultation_by_slug("enhanced-cooperation-2010").expect("read").expect("found");
        let input = consulta_report::gather(&store, consultation).expect("gather");
        let links = consulta_report::Links { base_url: Some("https://consultations.example.org".into()) };
        let today = jiff::civil::date(2026, 11, 23);
        // seeds/003, the table after paragraph 11: written, presentations, interventions, total.
        let seeds = [
            ["11", "13", "8", "32"],
            ["7", "1", "0", "8"],
            ["32", "7", "3", "42"],
            ["9", "5", "2", "16"],
            ["59", "26", "13", "98"],
        ];
        for (language, groups) in [
            ("fr", ["Gouvernements", "Organisations internationales", "Société civile", "Secteur privé", "Total"]),
            ("en", ["Governments", "International organisations", "Civil society", "Private sector", "Total"]),
        ] {
            let localizer = consulta_i18n::Localizer::for_language(language).expect("language");
            let document = consulta_report::synthesis(&input, &localizer, &links, today);
            let table = document.tables().next().expect("the distribution table comes first");
            let rows: Vec<Vec<String>> = table.rows.iter().chain(table.total.iter()).cloned().collect();
            let expected: Vec<Vec<String>> = groups
                .iter()
                .zip(seeds)
                .map(|(group, counts)| [group.to_string()].into_iter().chain(counts.map(String::from)).collect())
                .collect();
            assert_eq!(rows, expected, "{language}");
            let text = document.plain_text();
            // The gap view names the issue no mechanism handles, and the contributions raising it.
            let gap = if language == "fr" {
                "Coûts d'interconnexion internationale : aucun mécanisme ne la traite"
            } else {
                "International interconnection costs: no mechanism handles it"
            };
            assert!(text.contains(gap), "{text}");
            let original = if language == "fr" { "Original : anglais" } else { "Original: English" };
            assert!(document.masthead.iter().any(|l| l == original), "{:?}", document.masthead);
        }
    }

    #[test]
    fn the_demo_gives_the_seeds_table() {
        let dir = tempfile::tempdir().expect("temporary directory");
        let mut store = SqliteStore::open(&dir.path().join("demo.db")).expect("store");
        let blobs = consulta_blobs::LocalBlobs::new(dir.path().join("files"));
        let loaded = load(&mut store, &blobs, Timestamp::now()).expect("demo loads");
        assert_eq!(loaded.contributions, 98 + 6 + 32);
        let consultation = store.consultation_by_slug("enhanced-cooperation-2010").expect("read").expect("found");
        assert!(consultation.record.is_example);
        let table = distribution_table(&store, consultation.id).expect("table");
        assert_eq!(
            render_table(&table, TableFormat::Csv, &Default::default()),
            "group,written,presentation,intervention,total\n\
             government,11,13,8,32\n\
             international_organization,7,1,0,8\n\
             civil_society,32,7,3,42\n\
             private_sector,9,5,2,16\n\
             total,59,26,13,98\n"
        );
    }
}
