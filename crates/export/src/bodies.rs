//! Bodies as open data (`bodies.json`): each body of the consultation with its rules as
//! written, and every term served on it with the member's stakeholder group, country and
//! gender. Nominations that were not seated are not published: a nominee is public once seated.

use std::io::Write;

use consulta_core::Consultation;
use consulta_store::Store;
use serde_json::json;

use crate::Result;

/// Writes `bodies.json`: an array of `{slug, name, mandate, term_years, rules, terms}`, each
/// term `{person, stakeholder_group, country, gender, start, end}`.
pub fn bodies_json(store: &dyn Store, consultation: &Consultation, out: &mut dyn Write) -> Result<()> {
    let mut values = Vec::new();
    for body in store.bodies(consultation.id)? {
        let nominations = store.nominations(body.id)?;
        let terms: Vec<serde_json::Value> = store
            .memberships(body.id)?
            .iter()
            .filter_map(|term| {
                let n = nominations.iter().find(|n| n.id == term.nomination)?;
                Some(json!({
                    "person": n.nomination.person,
                    "stakeholder_group": n.nomination.stakeholder_group,
                    "country": n.nomination.country.map(|c| c.as_str().to_owned()),
                    "gender": n.nomination.gender,
                    "start": term.start.to_string(),
                    "end": term.end.to_string(),
                }))
            })
            .collect();
        values.push(json!({
            "slug": body.slug,
            "name": body.name,
            "mandate": body.mandate,
            "term_years": body.term_years,
            "rules": body.rules,
            "terms": terms,
        }));
    }
    serde_json::to_writer_pretty(&mut *out, &values)?;
    out.write_all(b"\n")?;
    Ok(())
}
