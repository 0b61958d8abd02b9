//! The demonstration's draft: an invented draft opinion in the shape of the seeds
//! (`demo/example_draft.txt`), recorded for the open consultation, with amendments proposed by
//! the fictional States (each a leaf of the public log), stances on them, a first revision that
//! accepts one and rejects one, two paragraphs agreed ad referendum, and two amendments left
//! pending for the compilation text.

use anyhow::Context;
use consulta_core::Consultation;
use consulta_drafting::{Amendment, Change, parse};
use consulta_report::drafts::{entity_named, mark_agreed, propose, revise};
use consulta_store::{AuditActor, NewDraft, Store};
use jiff::Timestamp;

const EXAMPLE_DRAFT: &str = include_str!("../../demo/example_draft.txt");

/// The example draft's symbol.
pub const SYMBOL: &str = "EXAMPLE/DRAFT/1";

/// Who acts in the demo's negotiation: the secretariat, as the command line records it.
fn secretariat(now: Timestamp) -> AuditActor {
    AuditActor::command_line("demo", now)
}

pub fn negotiate(store: &mut dyn Store, consultation: &Consultation, now: Timestamp) -> anyhow::Result<()> {
    let parsed = parse(EXAMPLE_DRAFT).context("demo/example_draft.txt")?;
    anyhow::ensure!(parsed.unplaced.is_empty(), "demo/example_draft.txt: {:?}", parsed.unplaced);
    let by = secretariat(now);
    let new = NewDraft { consultation: consultation.id, symbol: SYMBOL, language: "fr", text: &parsed.draft };
    store.add_draft(&new, &by)?;
    let state = |store: &mut dyn Store, letter: &str| {
        entity_named(store, &format!("Fictional Republic of {letter}")).map_err(|e| anyhow::anyhow!("{e}"))
    };
    let replace = |place: &str, from: &str, to: &str| -> anyhow::Result<Amendment> {
        Ok(Amendment { place: place.parse()?, change: Change::Replace { from: from.into(), to: to.into() } })
    };
    let amendments = [
        (
            replace("2/a", "pèsent davantage sur", "pèsent de manière disproportionnée sur")?,
            "Plus précis (exemple inventé).",
            "Aurelia",
        ),
        (
            Amendment {
                place: "4/b".parse()?,
                change: Change::InsertAfter {
                    text: "à encourager la traduction des services publics en ligne;".into(),
                },
            },
            "Reprend une proposition des contributions (exemple inventé).",
            "Borealis",
        ),
        (
            replace("4/a", "leurs données sur les prix", "leurs données ouvertes sur les prix")?,
            "Exemple inventé.",
            "Caldera",
        ),
        (
            Amendment { place: "2/b/ii".parse()?, change: Change::Delete },
            "Hors du mandat (exemple inventé).",
            "Dunmore",
        ),
    ];
    let mut numbers = Vec::new();
    for (amendment, justification, proposer) in &amendments {
        let entity = state(store, proposer)?;
        let proposed =
            propose(store, SYMBOL, amendment, justification, Some(entity), &by).map_err(|e| anyhow::anyhow!("{e}"))?;
        numbers.push(proposed.number);
    }
    let draft = store.draft_by_symbol(SYMBOL)?.context("the demo's draft")?;
    for (amendment, supporter, support) in
        [(0, "Estria", true), (1, "Fenwick", true), (1, "Galdor", true), (3, "Aurelia", false)]
    {
        let entity = state(store, supporter)?;
        store.take_stance(draft.id, numbers[amendment], entity, support, &by)?;
    }
    // Rev.1 accepts the first amendment and rejects the last; the other two stay pending, and
    // the paragraphs no one amends are agreed ad referendum.
    revise(store, SYMBOL, &[numbers[0]], &[numbers[3]], &by).map_err(|e| anyhow::anyhow!("{e}"))?;
    for place in ["1/p1", "3/p1", "4/c"] {
        mark_agreed(store, SYMBOL, &place.parse()?, true, &by).map_err(|e| anyhow::anyhow!("{e}"))?;
    }
    Ok(())
}
