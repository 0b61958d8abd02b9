//! Points of agreement as open data: the statements put to the vote (each with its log leaf and
//! its counts) and the votes as an anonymised matrix, in Pol.is's long form: a participant's
//! number in the consultation, never who they are.

use std::collections::HashMap;
use std::io::Write;

use consulta_core::{Choice, Consultation, Moderation};
use consulta_store::Store;

use crate::{Result, spreadsheet_safe};

pub const STATEMENT_COLUMNS: [&str; 12] = [
    "id",
    "consultation",
    "external_id",
    "text",
    "language",
    "origin",
    "source_contribution",
    "proposed_at",
    "agree",
    "disagree",
    "pass",
    "record_sha256",
];

/// Writes `statements.csv`: every accepted statement, in the order proposed, with the latest
/// votes counted and the hash its log leaf commits to. Proposals waiting or rejected are not
/// public.
pub fn statements_csv(store: &dyn Store, consultation: &Consultation, out: &mut dyn Write) -> Result<()> {
    let statements = store.statements(consultation.id, Some(Moderation::Accepted))?;
    let mut counts: HashMap<i64, [u64; 3]> = HashMap::new();
    for (_, statement, choice) in latest_votes(store, consultation)? {
        let slot = match choice {
            Choice::Agree => 0,
            Choice::Disagree => 1,
            Choice::Pass => 2,
        };
        counts.entry(statement).or_default()[slot] += 1;
    }
    let leaves: HashMap<i64, [u8; 32]> =
        store.statement_leaves()?.into_iter().map(|(id, _, hash)| (id.0, hash)).collect();
    let mut writer = csv::Writer::from_writer(out);
    writer.write_record(STATEMENT_COLUMNS)?;
    for statement in statements {
        let [agree, disagree, pass] = counts.get(&statement.id.0).copied().unwrap_or_default();
        writer.write_record([
            statement.id.0.to_string(),
            consultation.record.slug.as_str().to_owned(),
            statement.external_id.unwrap_or_default(),
            spreadsheet_safe(&statement.text).into_owned(),
            statement.language.as_str().to_owned(),
            statement.origin.as_str().to_owned(),
            statement.source.map(|c| c.0.to_string()).unwrap_or_default(),
            statement.proposed_at.to_string(),
            agree.to_string(),
            disagree.to_string(),
            pass.to_string(),
            leaves.get(&statement.id.0).map(|hash| consulta_log::to_hex(hash)).unwrap_or_default(),
        ])?;
    }
    writer.flush()?;
    Ok(())
}

/// Each participant's latest vote on each statement: (participant's number from 1, in the order
/// they joined; statement; choice), in that order.
fn latest_votes(store: &dyn Store, consultation: &Consultation) -> Result<Vec<(usize, i64, Choice)>> {
    let number: HashMap<i64, usize> =
        store.participants(consultation.id)?.iter().enumerate().map(|(i, p)| (p.id.0, i + 1)).collect();
    let mut latest: HashMap<(usize, i64), Choice> = HashMap::new();
    for vote in store.votes(consultation.id)? {
        if let Some(&participant) = number.get(&vote.participant.0) {
            latest.insert((participant, vote.statement.0), vote.choice);
        }
    }
    let mut votes: Vec<(usize, i64, Choice)> = latest.into_iter().map(|((p, s), c)| (p, s, c)).collect();
    votes.sort_unstable_by_key(|(p, s, _)| (*p, *s));
    Ok(votes)
}

/// Writes `votes.csv`: `participant,statement,vote` (1 agree, −1 disagree, 0 pass), each
/// participant's latest vote on each accepted statement.
pub fn votes_csv(store: &dyn Store, consultation: &Consultation, out: &mut dyn Write) -> Result<()> {
    let accepted: std::collections::HashSet<i64> =
        store.statements(consultation.id, Some(Moderation::Accepted))?.iter().map(|s| s.id.0).collect();
    let mut writer = csv::Writer::from_writer(out);
    writer.write_record(["participant", "statement", "vote"])?;
    for (participant, statement, choice) in latest_votes(store, consultation)? {
        if accepted.contains(&statement) {
            writer.write_record([participant.to_string(), statement.to_string(), choice.number().to_string()])?;
        }
    }
    writer.flush()?;
    Ok(())
}
