//! The demonstration's follow-up record: invented facilitators of a few action lines over two
//! years, and invented commitments of fictional States and invented organisations reported in
//! two years (`demo/example_commitments_*.csv`, read as `consulta follow-up import` reads a
//! file), so the action lines' pages, the commitments' timelines and their charts have history.

use anyhow::Context;
use consulta_followup::FacilitatorRole;
use consulta_report::follow_up::import_results;
use consulta_report::reporting_rounds;
use consulta_store::{AuditActor, Store};
use jiff::Timestamp;

const LAST_YEARS_ROUND: &str = include_str!("../../demo/reporting_round_last_year.json");
const THIS_YEARS_ROUND: &str = include_str!("../../demo/reporting_round.json");
const LAST_YEARS_REPORTS: &str = include_str!("../../demo/example_progress_reports.csv");

const FIRST_YEAR: &str = include_str!("../../demo/example_commitments_first_year.csv");
const SECOND_YEAR: &str = include_str!("../../demo/example_commitments_second_year.csv");

/// Invented facilitators: (action line, organisation, role).
const FACILITATORS: [(&str, &str, FacilitatorRole); 7] = [
    ("C2", "Example Agency for Telecommunications (invented)", FacilitatorRole::Lead),
    ("C2", "Example Development Programme (invented)", FacilitatorRole::CoFacilitator),
    ("C4", "Example Development Programme (invented)", FacilitatorRole::Lead),
    ("C5", "Example Agency for Telecommunications (invented)", FacilitatorRole::Lead),
    ("C8", "Example Organisation for Culture (invented)", FacilitatorRole::Lead),
    ("C9", "Example Organisation for Culture (invented)", FacilitatorRole::Lead),
    ("C9", "Example Network for Community Media (invented)", FacilitatorRole::Moderator),
];

pub fn follow(store: &mut dyn Store, now: Timestamp) -> anyhow::Result<()> {
    let by = AuditActor::command_line("demo", now);
    let year = now.to_zoned(jiff::tz::TimeZone::UTC).year();
    for facilitated in [year - 1, year] {
        for line in ["C2", "C4", "C5", "C8", "C9"] {
            let set: Vec<(String, FacilitatorRole)> = FACILITATORS
                .iter()
                .filter(|(l, _, _)| *l == line)
                .map(|(_, organisation, role)| ((*organisation).to_owned(), *role))
                .collect();
            store.set_facilitators(i32::from(facilitated), line, &set, &by)?;
        }
    }
    let first = jiff::civil::date(year - 1, 12, 31);
    import_results(store, FIRST_YEAR.as_bytes(), first, &by)
        .map_err(|e| anyhow::anyhow!("{e}"))
        .context("demo/example_commitments_first_year.csv")?;
    let second = now.to_zoned(jiff::tz::TimeZone::UTC).date();
    import_results(store, SECOND_YEAR.as_bytes(), second, &by)
        .map_err(|e| anyhow::anyhow!("{e}"))
        .context("demo/example_commitments_second_year.csv")?;
    open_rounds(store, now, &by)
}

/// Two reporting rounds on infrastructure and capacity: last year's, closed, with two reports
/// filed and two organisations late; this year's, open, where the demo's focal point (for the
/// Fictional Republic of Aurelia) has its report due.
fn open_rounds(store: &mut dyn Store, now: Timestamp, by: &AuditActor) -> anyhow::Result<()> {
    let year = i32::from(now.to_zoned(jiff::tz::TimeZone::UTC).year());
    let lines = ["C2".to_owned(), "C4".to_owned(), "C5".to_owned()];
    let invite = |names: &[&str]| names.iter().map(|n| (*n).to_owned()).collect::<Vec<_>>();
    let last = super::create(store, LAST_YEARS_ROUND, now).context("demo/reporting_round_last_year.json")?;
    // Filed a month before the round closed.
    let filed =
        last.record.period.closes().to_zoned(jiff::tz::TimeZone::UTC).date().checked_sub(jiff::Span::new().days(30))?;
    let reports = LAST_YEARS_REPORTS.replace("SUBMITTED", &filed.to_string());
    consulta_intake::import_contributions(
        store,
        &last,
        reports.as_bytes(),
        consulta_intake::ImportOptions::default(),
        &mut |_| {},
    )
    .context("demo/example_progress_reports.csv")?;
    let last_year = invite(&[
        "Fictional Republic of Borealis",
        "Fictional Republic of Caldera",
        "Fictional Republic of Dunmore",
        "Fictional Republic of Estria",
    ]);
    reporting_rounds::open_round(store, last.record.slug.as_str(), year - 1, &lines, &last_year, &[], by)
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    let this = super::create(store, THIS_YEARS_ROUND, now).context("demo/reporting_round.json")?;
    let this_year = invite(&[
        "Fictional Republic of Aurelia",
        "Fictional Republic of Borealis",
        "Fictional Republic of Caldera",
        "Example Rural Connectivity Trust",
    ]);
    reporting_rounds::open_round(store, this.record.slug.as_str(), year, &lines, &this_year, &[], by)
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    Ok(())
}
