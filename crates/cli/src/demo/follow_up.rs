//! The demonstration's follow-up record: invented facilitators of a few action lines over two
//! years, and invented commitments of fictional States and invented organisations reported in
//! two years (`demo/example_commitments_*.csv`, read as `consulta follow-up import` reads a
//! file), so the action lines' pages, the commitments' timelines and their charts have history.

use anyhow::Context;
use consulta_followup::FacilitatorRole;
use consulta_report::follow_up::import_results;
use consulta_store::{AuditActor, Store};
use jiff::Timestamp;

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
    Ok(())
}
