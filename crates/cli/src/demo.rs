//! The demonstration: a consultation modelled on the 2010 open consultations on enhanced
//! cooperation, whose 98 invented contributions give the table of seeds/003. It is loaded
//! through the same functions as `consultation create`, `meeting add` and `import contributions`.

use std::collections::BTreeMap;

use anyhow::Context;
use consulta_analysis::{Classifier, suggest};
use consulta_core::time::parse_date;
use consulta_core::{Consultation, ConsultationDraft, IssueId};
use consulta_intake::{ImportOptions, ImportSummary, import_contributions};
use consulta_store::{AuditActor, ContributionFilter, PageRequest, Store};
use serde::Deserialize;

const CONSULTATION: &str = include_str!("../demo/consultation.json");
const CONTRIBUTIONS: &str = include_str!("../demo/contributions.csv");

#[derive(Deserialize)]
struct DemoConsultation {
    slug: String,
    original_language: String,
    title: BTreeMap<String, String>,
    description: BTreeMap<String, String>,
    mandate: BTreeMap<String, String>,
    opens: String,
    closes: String,
    time_zone: String,
    questions: Vec<BTreeMap<String, String>>,
    meetings: Vec<DemoMeeting>,
}

#[derive(Deserialize)]
struct DemoMeeting {
    date: String,
    place: String,
}

fn pairs(map: &BTreeMap<String, String>) -> Vec<(String, String)> {
    map.iter().map(|(k, v)| (k.clone(), v.clone())).collect()
}

/// Loads the demonstration into `store`, which should be empty.
pub fn load(store: &mut dyn Store) -> anyhow::Result<ImportSummary> {
    let demo: DemoConsultation = serde_json::from_str(CONSULTATION).context("demo/consultation.json")?;
    let draft = ConsultationDraft {
        slug: demo.slug,
        original_language: demo.original_language,
        title: pairs(&demo.title),
        description: pairs(&demo.description),
        mandate: pairs(&demo.mandate),
        opens: demo.opens,
        closes: demo.closes,
        time_zone: demo.time_zone,
        questions: demo.questions.iter().map(pairs).collect(),
        is_example: true,
        verified_only: false,
    };
    let consultation = store.create_consultation(&draft.check().context("demo/consultation.json")?)?;
    for meeting in demo.meetings {
        store.add_meeting(consultation.id, parse_date(&meeting.date)?, &meeting.place)?;
    }
    let summary =
        import_contributions(store, &consultation, CONTRIBUTIONS.as_bytes(), ImportOptions::default(), &mut |_| {})
            .context("demo/contributions.csv")?;
    tag_as_suggested(store, &consultation)?;
    Ok(summary)
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
        let suggested: Vec<IssueId> = suggest(&format!("{}\n{}", text.title, text.body), &issues, &none, &[])
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
    use consulta_store::SqliteStore;

    use super::*;

    #[test]
    fn the_reports_table_is_the_seeds_table_in_french_and_english() {
        let dir = tempfile::tempdir().expect("temporary directory");
        let mut store = SqliteStore::open(&dir.path().join("demo.db")).expect("store");
        load(&mut store).expect("demo loads");
        let consultation = store.consultation_by_slug("enhanced-cooperation-2010").expect("read").expect("found");
        let input = consulta_report::gather(&store, consultation).expect("gather");
        let links = consulta_report::Links { base_url: "https://consultations.example.org".into() };
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
        let summary = load(&mut store).expect("demo loads");
        assert_eq!(summary.contributions, 98);
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
