//! The demonstration: a consultation modelled on the 2010 open consultations on enhanced
//! cooperation, whose 98 invented contributions give the table of seeds/003. It is loaded
//! through the same functions as `consultation create`, `meeting add` and `import contributions`.

use std::collections::BTreeMap;

use anyhow::Context;
use consulta_core::ConsultationDraft;
use consulta_core::time::parse_date;
use consulta_intake::{ImportOptions, ImportSummary, import_contributions};
use consulta_store::Store;
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
    Ok(summary)
}

#[cfg(test)]
mod tests {
    use consulta_report::{TableFormat, distribution_table, render_table};
    use consulta_store::SqliteStore;

    use super::*;

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
