//! The demonstration's working group: an invented body in the shape of the WGEC of 2013
//! (`demo/example_rules.txt`), invented nominations from the fictional States and the other
//! stakeholder groups' selection processes (`demo/example_nominations.csv`, read as `consulta
//! body nominate` reads a file), and the solver's slate seated for its first term.

use anyhow::Context;
use consulta_core::Consultation;
use consulta_report::bodies::{self, read_nominations};
use consulta_store::{AuditActor, NewBody, Store};
use jiff::Timestamp;

const EXAMPLE_RULES: &str = include_str!("../../demo/example_rules.txt");
const EXAMPLE_NOMINATIONS: &str = include_str!("../../demo/example_nominations.csv");

/// The example body's slug.
pub const SLUG: &str = "example-working-group";

pub fn compose(store: &mut dyn Store, consultation: &Consultation, now: Timestamp) -> anyhow::Result<()> {
    let by = AuditActor::command_line("demo", now);
    let new = NewBody {
        consultation: consultation.id,
        slug: SLUG,
        name: "Working group on enhanced cooperation (invented example)",
        mandate: "An invented body for the demonstration: it shows how a secretariat states the rules of a \
                  balanced composition, collects nominations and seats a slate that meets every rule.",
        term_years: 2,
    };
    let body = store.add_body(&new, &by)?;
    consulta_composition::parse_rules(EXAMPLE_RULES).context("demo/example_rules.txt")?;
    store.set_body_rules(body.id, EXAMPLE_RULES, consulta_composition::Objective::Priority, &by)?;
    let nominations = read_nominations(store, EXAMPLE_NOMINATIONS.as_bytes()).map_err(|e| anyhow::anyhow!("{e}"))?;
    store.nominate(body.id, &nominations, &by)?;
    let body = bodies::body(store, SLUG).map_err(|e| anyhow::anyhow!("{e}"))?;
    // The chair rotates between the regional groups' governments, as an invented example; the
    // first chair is the nominee of the first of them.
    let rotation: Vec<String> =
        ["Fictional Republic of Aurelia", "Fictional Republic of Borealis", "Fictional Republic of Caldera"]
            .map(str::to_owned)
            .to_vec();
    store.set_chair_rotation(body.id, &rotation, &by)?;
    let body = bodies::body(store, SLUG).map_err(|e| anyhow::anyhow!("{e}"))?;
    let start = now.to_zoned(jiff::tz::TimeZone::UTC).date();
    let solution = bodies::solve_body(store, &body, start).map_err(|e| anyhow::anyhow!("{e}"))?;
    let members = solution.slate().context("demo/example_rules.txt: the example nominations meet no slate")?;
    let chair = solution
        .nominations
        .iter()
        .find(|n| members.contains(&n.id) && n.nominator_name.as_deref() == Some(rotation[0].as_str()))
        .map(|n| n.id);
    let seating = bodies::Seating { members, start, chair, co_chair: None };
    bodies::seat(store, &body, &seating, start, &by).map_err(|e| anyhow::anyhow!("{e}"))?;
    Ok(())
}
